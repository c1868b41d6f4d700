import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { TEST_CONNECT_NO, VENDOR_URL } from "../playwright.config";
import { startConsole, type ConsoleProcess } from "./support/console-process";
import { call, signIn, type Answer } from "./support/from-address";
import { optionsFile } from "./support/options-file";
import { connect, freshDatabase } from "./support/postgres";
import { notificationTemplate, voicePush } from "./support/pushes";
import { inBeijing, notificationPush, sleep } from "./support/schedule";
import type pg from "pg";

// Two consoles on one PostgreSQL and one fake vendor, as behind a load balancer: raced on every
// promise of several instances (issue 13, item 2). What callers get is read from both consoles;
// what was really sent, from the vendor's own record. Each race prints its figures.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type VendorCall = { path: string; query: Array<[string, string]>; headers: Record<string, string>; fields: Array<[string, string]> };

const PASSWORD = "multi-instance-pw";
/** Each user's real pushes an hour, on both consoles together. */
const CAP = 6;
/** Groups per page of a crawl: the fake vendor's 23 groups are 4 pages, told apart from any other group_list. */
const PAGE_SIZE = 7;
const CRAWL_PAGES = Math.ceil(23 / PAGE_SIZE);
// One user per race, so one race's pushes never count toward another's cap or approval window.
const USERS = {
  admin: "mi-admin",
  idempotency: "mi-idem",
  author: "mi-author",
  scheduler: "mi-sched",
  capped: "mi-cap",
  session: "mi-session",
  supervisor1: "mi-super1",
  supervisor2: "mi-super2",
} as const;

let a: ConsoleProcess;
let b: ConsoleProcess;
let database: string;
let admin: string;
/** Each user's id, from the answer that created it. */
const ids: Record<string, string> = {};

const vendorCalls = async () => (await (await fetch(`${VENDOR_URL}/__requests`)).json()) as VendorCall[];
const pushCreates = (calls: VendorCall[], named: (value: string) => boolean) =>
  calls.filter((c) => c.path.endsWith("/push_create") && c.fields.some(([field, value]) => field === "name" && named(value)));
/** The vendor answers the next push_create `ms` late: a second request arrives while the first is still sending. */
const slowNextPush = (ms: number) =>
  fetch(`${VENDOR_URL}/__script`, { method: "POST", body: JSON.stringify([{ kind: "slow", action: "push_create", ms }]) });
/** Which console made a vendor call: each logs the x-request-id it sent. */
const madeBy = (c: VendorCall) => [a, b].filter((console_) => console_.log().includes(c.headers["x-request-id"]!)).map(which);
const which = (console_: ConsoleProcess) => (console_ === a ? "A" : "B");

const get = (console_: ConsoleProcess, cookie: string, path: string) => call(`${console_.url}${path}`, { headers: { cookie } });
const post = (console_: ConsoleProcess, cookie: string, path: string, body: unknown = {}, headers: Record<string, string> = {}) =>
  call(`${console_.url}${path}`, { method: "POST", headers: { cookie, ...headers }, body });
const submit = (console_: ConsoleProcess, cookie: string, body: unknown, key: string = crypto.randomUUID()) =>
  post(console_, cookie, "/api/pushes", body, { "idempotency-key": key });
/** The push an answer names: its own (201/202) or the one an error is about (409). */
const pushIdOf = (answer: Answer) => (answer.status < 300 ? answer.json().id : (answer.json() as Json).error.pushId) as string;
const audit = async (console_: ConsoleProcess, query: string) => {
  const answer = await get(console_, admin, `/api/audit?${query}`);
  expect(answer.status).toBe(200);
  return answer.json() as Json;
};

test.beforeAll(async () => {
  test.setTimeout(120_000);
  database = await freshDatabase("multi_instance");
  await fetch(`${VENDOR_URL}/__requests`, { method: "DELETE" });
  const env = {
    DATABASE_URL: database,
    CHUANBO_BASE_URL: VENDOR_URL,
    CHUANBO_CONNECT_NO: TEST_CONNECT_NO,
    // One secret, as on every replica: a cookie made by one is good at the other.
    AUTH_SECRET: "multi-instance-test-secret-0123456789abcdef",
    // 系统通知 always waits for approval; other pushes to a group stay under the line.
    CHUANBO_OPTIONS_FILE: optionsFile("multi-instance", { approval: { minReach: 150_000, notifyWays: [1], windowMinutes: 60 } }),
    PUSH_HOURLY_LIMIT: String(CAP),
    SCHEDULE_MIN_LEAD_SECONDS: "2",
    GROUPS_FETCH_PAGE_SIZE: String(PAGE_SIZE),
  };
  // Both at once on the empty database: both migrate it at start.
  [a, b] = await Promise.all([startConsole("multi-a", { env }), startConsole("multi-b", { env })]);
  // The first admin as an operator makes one, with the CLI; the others through console A.
  const cli = ["--conditions=react-server", "scripts/user.ts", "add", USERS.admin, "--role", "admin", "--password", PASSWORD];
  execFileSync("node_modules/.bin/tsx", cli, { env: { ...process.env, ...env }, stdio: "pipe" });
  admin = await signIn(a.url, USERS.admin, PASSWORD);
  const roles = (username: string) => (username.startsWith("mi-super") ? ["supervisor"] : ["editor"]);
  for (const username of Object.values(USERS).filter((u) => u !== USERS.admin)) {
    const created = await post(a, admin, "/api/admin/users", { username, name: username, roles: roles(username), password: PASSWORD });
    expect(created.status, created.text).toBe(201);
    ids[username] = created.json().id as string;
  }
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

test("group index: both started on an empty database, one crawl of the vendor serves both; the other reads the snapshot", async () => {
  const cookies = { A: await signIn(a.url, USERS.author, PASSWORD), B: await signIn(b.url, USERS.author, PASSWORD) };
  const search = `/api/groups?q=${encodeURIComponent("外部用户组")}`;
  // Three searches at each at once: the first list ever, so every one waits for a crawl.
  const answers = await Promise.all([a, b, a, b, a, b].map((c) => get(c, cookies[which(c)], search)));
  for (const answer of answers) expect(answer.status, answer.text).toBe(200);
  const fetchedAt = answers[0]!.json().fetchedAt as string;
  for (const answer of answers) expect(answer.json()).toMatchObject({ total: 23, fetchedAt });

  const crawl = (await vendorCalls()).filter(
    (c) => c.path.endsWith("/group_list") && c.query.some(([key, value]) => key === "size" && value === String(PAGE_SIZE)),
  );
  expect(crawl.filter((c) => c.query.some(([key, value]) => key === "current" && value === "1"))).toHaveLength(1);
  expect(crawl).toHaveLength(CRAWL_PAGES);
  const crawledBy = [...new Set(crawl.flatMap(madeBy))];

  // Both say the same of their index; a later search at either asks the vendor nothing.
  for (const c of [a, b]) {
    expect((await get(c, cookies[which(c)], "/api/groups/index-status")).json()).toEqual({ ready: true, fetchedAt, crawling: null });
    expect((await get(c, cookies[which(c)], `${search}&current=3`)).json()).toMatchObject({ total: 23, current: 3, fetchedAt });
  }
  expect((await vendorCalls()).filter((c) => c.path.endsWith("/group_list"))).toHaveLength(crawl.length);
  console.log(
    `group index: 6 first searches at once over 2 consoles, ${crawl.length} group_list pages = 1 crawl (by ${crawledBy.join("+") || "?"}), both serve 23 groups fetched at ${fetchedAt}`,
  );
});

test("idempotency: the same Idempotency-Key at both at once is one vendor call, and both answers name the one push", async () => {
  const rounds = 5;
  const cookies = { A: await signIn(a.url, USERS.idempotency, PASSWORD), B: await signIn(b.url, USERS.idempotency, PASSWORD) };
  const seen = { created: 0, inProgress: 0, replays: 0 };
  for (let round = 1; round <= rounds; round++) {
    const push = voicePush(`两台同键 ${round}`, [1000 + 2 * round]);
    const key = crypto.randomUUID();
    // Every other round, the vendor is slow: the second arrives while the first is still sending.
    if (round % 2 === 1) await slowNextPush(300);
    const answers = await Promise.all([submit(a, cookies.A, push, key), submit(b, cookies.B, push, key)]);
    const statuses = answers.map((answer) => answer.status).sort();
    expect([
      [201, 201],
      [201, 409],
    ]).toContainEqual(statuses);
    for (const answer of answers.filter((x) => x.status === 409)) expect((answer.json() as Json).error.code).toBe("in_progress");
    const [first, second] = answers.map(pushIdOf);
    expect(first).toEqual(expect.any(String));
    expect(second).toBe(first);
    expect(pushCreates(await vendorCalls(), (value) => value === push.name)).toHaveLength(1);
    seen.created++;
    seen.inProgress += statuses.filter((s) => s === 409).length;
    seen.replays += statuses.filter((s) => s === 201).length - 1;
    // Afterwards, a retry at either replays the one answer and sends nothing.
    for (const [c, cookie] of [
      [a, cookies.A],
      [b, cookies.B],
    ] as const) {
      const retry = await submit(c, cookie, push, key);
      expect(retry.status).toBe(201);
      expect(retry.json().id).toBe(first);
    }
  }
  const calls = pushCreates(await vendorCalls(), (value) => value.startsWith("两台同键 "));
  expect(calls).toHaveLength(rounds);
  console.log(
    `idempotency: ${rounds} rounds of one key at both consoles at once, ${calls.length} vendor calls, ${seen.replays} replays, ${seen.inProgress} answered 409 in_progress`,
  );
});

test("approval: a held push approved at both at once (two supervisors, or one at both) is sent once", async () => {
  const author = await signIn(a.url, USERS.author, PASSWORD);
  const supervisors = {
    A1: await signIn(a.url, USERS.supervisor1, PASSWORD),
    B1: await signIn(b.url, USERS.supervisor1, PASSWORD),
    B2: await signIn(b.url, USERS.supervisor2, PASSWORD),
  };
  const rounds = [
    { label: "two supervisors", onB: supervisors.B2, other: USERS.supervisor2 },
    { label: "one supervisor at both", onB: supervisors.B1, other: USERS.supervisor1 },
    { label: "two supervisors", onB: supervisors.B2, other: USERS.supervisor2 },
    { label: "one supervisor at both", onB: supervisors.B1, other: USERS.supervisor1 },
  ];
  let refused = 0;
  for (const [index, round] of rounds.entries()) {
    const push = notificationPush(`两台同批 ${index + 1}`);
    push.chuanbo_group = [1000];
    const held = await submit(a, author, push);
    expect(held.status, held.text).toBe(202);
    const { id } = held.json() as Json;
    expect(held.json()).toEqual({ id, status: "pending_approval" });

    await slowNextPush(300);
    const answers = await Promise.all([
      post(a, supervisors.A1, `/api/approvals/${id}/approve`, { rescheduled_at: null }),
      post(b, round.onB, `/api/approvals/${id}/approve`, { rescheduled_at: null }),
    ]);
    expect(answers.map((answer) => answer.status).sort(), round.label).toEqual([201, 409]);
    const loser = answers.find((answer) => answer.status === 409)!;
    expect((loser.json() as Json).error.code).toBe("not_pending_approval");
    const winner = answers[0]!.status === 201 ? USERS.supervisor1 : round.other;
    expect(pushCreates(await vendorCalls(), (value) => value === push.name)).toHaveLength(1);
    expect((await get(b, author, `/api/pushes/${id}`)).json()).toMatchObject({ status: "sent", approved_by: winner });
    refused++;
  }
  const calls = pushCreates(await vendorCalls(), (value) => value.startsWith("两台同批 "));
  expect(calls).toHaveLength(rounds.length);
  console.log(
    `approval: ${rounds.length} held pushes approved at both consoles at once (2 by two supervisors, 2 by one at both), ${calls.length} vendor calls, ${refused} answered 409 not_pending_approval`,
  );
});

test("hourly cap: counted across both consoles; a burst over both gets exactly the cap through", async () => {
  const tries = 16;
  const cookies = { A: await signIn(a.url, USERS.capped, PASSWORD), B: await signIn(b.url, USERS.capped, PASSWORD) };
  const at = (i: number) => (i % 2 === 0 ? a : b);
  const answers = await Promise.all(
    Array.from({ length: tries }, (_, i) => submit(at(i), cookies[which(at(i))], voicePush(`两台限额 ${i + 1}`, [1000]))),
  );
  const accepted = answers.flatMap((answer, i) => (answer.status === 201 ? [which(at(i))] : []));
  const refusals = answers.filter((answer) => answer.status === 429);
  expect(accepted).toHaveLength(CAP);
  expect(refusals).toHaveLength(tries - CAP);
  for (const refusal of refusals) {
    expect((refusal.json() as Json).error).toMatchObject({
      code: "push_rate_limited",
      message: expect.stringContaining(`最多发送 ${CAP} 条`),
    });
  }
  const calls = pushCreates(await vendorCalls(), (value) => value.startsWith("两台限额 "));
  expect(calls).toHaveLength(CAP);
  // Refusals are audited, whichever console refused, and read at either.
  expect((await audit(a, `action=push_limited&actor=${USERS.capped}`)).total).toBe(tries - CAP);
  // One more, later, at either: still over.
  for (const c of [a, b]) expect((await submit(c, cookies[which(c)], voicePush("两台限额之后", [1000]))).status).toBe(429);
  const byA = accepted.filter((x) => x === "A").length;
  console.log(
    `hourly cap: cap ${CAP}, ${tries} pushes at once split over 2 consoles, ${accepted.length} accepted (A ${byA}, B ${accepted.length - byA}), ${refusals.length} refused 429, ${calls.length} vendor calls`,
  );
});

test("schedule: pushes due at the same moment are each sent exactly once, although both schedulers run", async () => {
  test.setTimeout(60_000);
  const count = 6;
  const cookies = { A: await signIn(a.url, USERS.scheduler, PASSWORD), B: await signIn(b.url, USERS.scheduler, PASSWORD) };
  const scheduledAt = inBeijing(4_000);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const c = i % 2 === 0 ? a : b;
    const answer = await submit(c, cookies[which(c)], { ...voicePush(`两台定时 ${i + 1}`, [1002]), scheduled_at: scheduledAt });
    expect(answer.status, answer.text).toBe(202);
    expect(answer.json()).toMatchObject({ status: "scheduled" });
    ids.push(answer.json().id as string);
  }
  for (const id of ids) {
    await expect.poll(async () => (await get(b, cookies.B, `/api/pushes/${id}`)).json().status, { timeout: 20_000 }).toBe("sent");
  }
  await sleep(5_000); // two more passes of each scheduler
  const calls = pushCreates(await vendorCalls(), (value) => value.startsWith("两台定时 "));
  for (let i = 0; i < count; i++) expect(pushCreates(calls, (value) => value === `两台定时 ${i + 1}`)).toHaveLength(1);
  for (const id of ids) expect((await audit(b, `action=push_sent&target=${id}`)).total).toBe(1);
  const senders = calls.flatMap(madeBy);
  console.log(
    `schedule: ${count} pushes due at one moment, 2 schedulers every 2 s, ${calls.length} vendor calls (sent by A ${senders.filter((s) => s === "A").length}, B ${senders.filter((s) => s === "B").length})`,
  );
});

test("sessions: a cookie from A works at B; signing out at A and disabling at A end it at B on the next request", async () => {
  const reads = (c: ConsoleProcess, cookie: string) => get(c, cookie, "/api/pushes?size=1").then((answer) => answer.status);
  const first = await signIn(a.url, USERS.session, PASSWORD);
  expect(await reads(b, first)).toBe(200);
  expect(await reads(a, first)).toBe(200);
  expect((await post(a, first, "/api/auth/sign-out")).status).toBe(200);
  const afterSignOut = await reads(b, first);
  expect(afterSignOut).toBe(401);

  const second = await signIn(b.url, USERS.session, PASSWORD);
  expect(await reads(a, second)).toBe(200);
  expect(await reads(b, second)).toBe(200);
  const disabled = await call(`${a.url}/api/admin/users/${ids[USERS.session]}`, {
    method: "PATCH",
    headers: { cookie: admin },
    body: { disabled: true },
  });
  expect(disabled.status).toBe(200);
  const afterDisable = await reads(b, second);
  expect(afterDisable).toBe(401);
  const again = await call(`${b.url}/api/auth/sign-in/username`, { method: "POST", body: { username: USERS.session, password: PASSWORD } });
  expect(again.status).toBe(403);
  expect((again.json() as Json).error.code).toBe("account_disabled");
  console.log(
    `sessions: a cookie from A read at B (200); after sign-out at A, B answered ${afterSignOut}; after disabling at A, B answered ${afterDisable} and refused sign-in (${again.status})`,
  );
});

test("sign-in limit: 30 wrong passwords for one name at once, split over both consoles, get no more than the limit through", async () => {
  const limit = 10; // AUTH_ACCOUNT_FAILURE_LIMIT's default
  const tries = 30;
  // Each from its own loopback address, so the per-address limit stays out of it; a name nobody has.
  const answers = await Promise.all(
    Array.from({ length: tries }, (_, i) =>
      call(`${(i % 2 === 0 ? a : b).url}/api/auth/sign-in/username`, {
        method: "POST",
        from: `127.0.0.${40 + i}`,
        body: { username: "mi-guessed", password: "not-the-password" },
      }),
    ),
  );
  const checked = answers.flatMap((answer, i) => (answer.status === 401 ? [i % 2 === 0 ? "A" : "B"] : []));
  const waited = answers.filter((answer) => answer.status === 429);
  expect(checked).toHaveLength(limit);
  expect(waited).toHaveLength(tries - limit);
  for (const answer of waited) expect((answer.json() as Json).error.code).toBe("rate_limited");
  expect((await audit(b, "action=sign_in_failed&target=mi-guessed")).total).toBe(tries);
  const byA = checked.filter((x) => x === "A").length;
  console.log(
    `sign-in limit: limit ${limit}, ${tries} wrong passwords at once split over 2 consoles, ${checked.length} reached the password check (A ${byA}, B ${checked.length - byA}), ${waited.length} answered 429`,
  );
});

test("templates: made at A, changed at B, each answer the template as it now is; deleted at B, gone at A", async () => {
  const cookies = { A: await signIn(a.url, USERS.author, PASSWORD), B: await signIn(b.url, USERS.author, PASSWORD) };
  const made = await post(a, cookies.A, "/api/templates", notificationTemplate("两台模板"));
  expect(made.status, made.text).toBe(201);
  const id = made.json().id as string;
  expect(made.json()).toMatchObject({ id, name: "两台模板", created_by: USERS.author });
  const changed = await call(`${b.url}/api/templates/${id}`, {
    method: "PATCH",
    headers: { cookie: cookies.B },
    body: notificationTemplate("两台模板改"),
  });
  expect(changed.status, changed.text).toBe(200);
  expect(changed.json()).toMatchObject({ id, name: "两台模板改", updated_by: USERS.author });
  expect((await get(a, cookies.A, `/api/templates/${id}`)).json()).toMatchObject({ name: "两台模板改" });
  const removed = await call(`${b.url}/api/templates/${id}`, { method: "DELETE", headers: { cookie: cookies.B }, body: {} });
  expect(removed.status, removed.text).toBe(200);
  expect((await get(a, cookies.A, `/api/templates/${id}`)).status).toBe(404);
});

test("audit log: append-only in PostgreSQL for the console's own role; what A writes, B's /api/audit shows", async () => {
  const created = await post(a, admin, "/api/admin/users", { username: "mi-audited", name: "审计", roles: ["editor"], password: PASSWORD });
  expect(created.status).toBe(201);
  const [entry] = (await audit(b, "action=user_created&target=mi-audited")).records as Json[];
  expect(entry).toMatchObject({ actor: USERS.admin, action: "user_created", target: "mi-audited" });
  const before = (await audit(b, "size=1")).total as number;

  const seq = Number(entry!.seq);
  const changes = [
    `UPDATE audit_log SET action = 'tampered' WHERE seq = ${seq}`,
    `DELETE FROM audit_log WHERE seq = ${seq}`,
    "TRUNCATE audit_log",
  ];
  const refused = (db: pg.Client, statement: string) =>
    db.query(statement).then(
      () => ({ code: "none", message: "succeeded" }),
      (error: { code?: string; message: string }) => ({ code: error.code, message: error.message }),
    );
  const db = await connect(database);
  const refusals: string[] = [];
  try {
    // The console's role holds no such privilege on the table…
    for (const statement of changes) {
      const error = await refused(db, statement);
      expect(error, statement).toMatchObject({ code: "42501", message: expect.stringContaining("permission denied") });
      refusals.push(`${statement.split(" ")[0]} ${error.code}`);
    }
    // …and even if it granted itself one back (it owns the table), the trigger refuses.
    for (const statement of changes) {
      await db.query("BEGIN");
      await db.query("GRANT UPDATE, DELETE, TRUNCATE ON audit_log TO CURRENT_USER");
      const error = await refused(db, statement);
      await db.query("ROLLBACK");
      expect(error, statement).toMatchObject({ code: "P0001", message: "audit_log is append-only" });
      refusals.push(`${statement.split(" ")[0]} with the privilege ${error.code}`);
    }
  } finally {
    await db.end();
  }
  expect((await audit(b, "action=user_created&target=mi-audited")).records).toEqual([entry]);
  expect((await audit(a, "size=1")).total).toBe(before);
  console.log(`audit: as the console role, refused: ${refusals.join(", ")}; A's entry read at B, unchanged`);
});
