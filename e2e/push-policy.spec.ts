import { expect, test } from "@playwright/test";
import { STATE } from "./support/auth";
import { startConsole, type ConsoleProcess } from "./support/console-process";
import { optionsFile } from "./support/options-file";
import { submit, voicePush } from "./support/pushes";
import { sessionsOn, signedIn } from "./support/signed-in";
import { controlSimulator, simulatorState } from "./support/simulator";

// The push policy where it is easy to dodge: groups without 人数 or that do not exist, a large push
// split into small ones, a burst under the hourly cap, one key from two users, a send the server
// never finished. Each on a console configured for it, or on the tests' simulator console.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const json = async (response: { json(): Promise<unknown> }) => (await response.json()) as Json;

test.describe("on a console with an approval line of 20,000 people", () => {
  let policy: ConsoleProcess;
  const { as, disposeAll } = sessionsOn(() => policy.url);

  test.beforeAll(async () => {
    policy = await startConsole("policy", {
      env: { CHUANBO_OPTIONS_FILE: optionsFile("policy", { approval: { minReach: 20_000, notifyWays: [], windowMinutes: 60 } }) },
    });
  });
  test.afterAll(async () => {
    await disposeAll();
    await policy?.stop();
  });

  test("a group that does not exist is refused by name after a fresh look-up, and nothing is sent", async () => {
    const editor = await as("demo-editor2");
    await controlSimulator(editor, { reset: true });
    const refused = await submit(editor, voicePush("不存在的组", [101, 99999, 99998]));
    expect(refused.status()).toBe(400);
    const { error } = await json(refused);
    expect(error.code).toBe("invalid_request");
    expect(error.fields.chuanbo_group).toContain("99999、99998");
    expect(error.message).toContain("99999、99998");
    expect((await simulatorState(editor)).requests.push_create).toBe(0);

    // A group created upstream after the console last read the list is found by the fresh look-up.
    expect((await editor.get("/api/groups?q=志愿者")).ok()).toBe(true); // the list is now cached
    await controlSimulator(editor, { groupCount: 101 }); // adds group 201
    await expect.poll(async () => (await submit(editor, voicePush("新建的组", [201]))).status(), { timeout: 25_000 }).toBe(201);
    expect((await simulatorState(editor)).pushes.map((push) => push.fields.find(([name]) => name === "chuanbo_group")?.[1])).toEqual([
      "201",
    ]);
  });

  test("a group without 人数 makes the reach unknown: held, and the approver is told why", async () => {
    const editor = await as("demo-editor2");
    await controlSimulator(editor, { reset: true });
    const alone = await submit(editor, voicePush("人数未知的组", [105]));
    expect(alone.status()).toBe(202);
    const withKnown = await submit(editor, voicePush("部分人数未知", [102, 105]));
    expect(withKnown.status()).toBe(202);
    expect((await simulatorState(editor)).requests.push_create).toBe(0);

    const record = await json(await editor.get(`/api/pushes/${(await json(withKnown)).id}`));
    expect(record).toMatchObject({ status: "pending_approval", reach: 587, reach_incomplete: true });
    expect(record.hold_reasons).toEqual(["人数未知：部分用户组没有人数，无法确认是否达到审批线 20,000 人（已知部分约 587 人）"]);

    const supervisor = await as("demo-supervisor");
    const waiting = (await json(await supervisor.get("/api/approvals"))).records as Json[];
    expect(waiting.find((r) => r.name === "人数未知的组")?.hold_reasons).toEqual([
      "人数未知：所选用户组都没有人数，无法确认是否达到审批线 20,000 人",
    ]);

    // A test send goes to the newsroom's own test group: exempt, as before.
    expect(
      (
        await editor.post("/api/pushes/test", { data: voicePush("测试", [105]), headers: { "idempotency-key": crypto.randomUUID() } })
      ).status(),
    ).toBe(201);
  });

  test("five pushes of ~4,977 people sent at once: four go out, the fifth is held with the running total", async () => {
    const editor = await as("demo-editor");
    await controlSimulator(editor, { reset: true });
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => submit(editor, voicePush(`分拆 ${i + 1}`, [104]))));
    const statuses = answers.map((answer) => answer.status()).sort();
    expect(statuses).toEqual([201, 201, 201, 201, 202]);
    expect((await simulatorState(editor)).requests.push_create).toBe(4);

    const held = answers.find((answer) => answer.status() === 202)!;
    const record = await json(await editor.get(`/api/pushes/${(await json(held)).id}`));
    expect(record.hold_reasons).toEqual(["本人 60 分钟内未经审批已发出约 19,908 人，加上本条约 24,885 人，达到审批线 20,000 人"]);
    // Another editor's window is their own.
    const other = await as("demo-editor2");
    expect((await submit(other, voicePush("另一位编辑", [104]))).status()).toBe(201);
  });
});

test("twenty pushes at once under a cap of 3 an hour: exactly 3 go out, 17 are refused and audited", async () => {
  // The group list read afresh for every push, slowly: the moment between the policy's look-up and
  // the record, where a burst used to slip past the count.
  const capped = await startConsole("hourly-cap", { env: { PUSH_HOURLY_LIMIT: "3", GROUPS_CACHE_TTL_MS: "1" } });
  try {
    const editor = await signedIn(capped.url, "demo-editor");
    await controlSimulator(editor, { latencyMs: 200 });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => submit(editor, voicePush(`并发 ${i + 1}`, [102]))));
    const statuses = answers.map((answer) => answer.status());
    expect(statuses.filter((status) => status === 201)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(17);
    expect((await simulatorState(editor)).requests.push_create).toBe(3);
    const refusal = await json(answers.find((answer) => answer.status() === 429)!);
    expect(refusal.error).toMatchObject({ code: "push_rate_limited", message: expect.stringContaining("已经发了 3 条") });

    const admin = await signedIn(capped.url, "demo-admin");
    expect((await json(await admin.get("/api/audit?action=push_limited&size=50"))).total).toBe(17);
    await Promise.all([editor.dispose(), admin.dispose()]);
  } finally {
    await capped.stop();
  }
});

test("an Idempotency-Key belongs to its user: the same key from another editor is that editor's own push", async ({
  request,
  playwright,
}) => {
  await controlSimulator(request, { reset: true });
  const key = crypto.randomUUID();
  const mine = await submit(request, voicePush("同一个键", [102]), key);
  expect(mine.status()).toBe(201);
  const other = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, storageState: STATE.editor2 });
  const theirs = await submit(other, voicePush("同一个键", [102]), key);
  expect(theirs.status()).toBe(201);
  const [a, b] = [await json(mine), await json(theirs)];
  expect(b.id).not.toBe(a.id);
  expect(b.requestId).not.toBe(a.requestId);
  // Even with another body: not a 422 naming someone else's push.
  const different = await submit(other, voicePush("另一条内容", [102]), crypto.randomUUID());
  expect(different.status()).toBe(201);
  const changed = await submit(other, voicePush("另一条内容", [103]), key);
  expect(changed.status()).toBe(422);
  expect((await json(changed)).error.pushId).toBe(b.id);
  expect((await simulatorState(request)).requests.push_create).toBe(3);
  expect(await json(await other.get(`/api/pushes/${b.id}`))).toMatchObject({ sent_by: "demo-editor2" });
  // Each user's own retry still replays their own answer.
  expect(await json(await submit(request, voicePush("同一个键", [102]), key))).toEqual(a);
  await other.dispose();
});

test("a send the console never finished (killed while the vendor hangs) is settled as unknown at restart, never resent", async () => {
  test.setTimeout(90_000);
  const timeoutMs = 4000;
  const first = await startConsole("sweep", { env: { CHUANBO_TIMEOUT_MS: String(timeoutMs) } });
  let second: ConsoleProcess | undefined;
  try {
    const editor = await signedIn(first.url, "demo-editor");
    await controlSimulator(editor, { faults: [{ kind: "hang", action: "push_create" }] });
    const key = crypto.randomUUID();
    const sentAt = Date.now();
    const hanging = submit(editor, voicePush("发送中崩溃", [102]), key).catch(() => undefined);
    await expect.poll(async () => (await simulatorState(editor)).requests.push_create).toBe(1);
    await first.kill();
    await hanging;
    await editor.dispose();

    // Restarted only once the send is past the upstream timeout: the sweep at start settles it.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, sentAt + timeoutMs + 6000 - Date.now())));
    second = await startConsole("sweep", { env: { CHUANBO_TIMEOUT_MS: String(timeoutMs) }, database: first.database });
    const again = await signedIn(second.url, "demo-editor");
    const [record] = (await json(await again.get("/api/pushes?size=5"))).records as Json[];
    expect(record).toMatchObject({ name: "发送中崩溃", status: "unknown" });
    expect(record!.upstream_message).toContain("可能已经发出，也可能没有。请先向传播通平台或接收人核实");

    // The editor's retry with the same key is told the same, and nothing is sent again.
    const retry = await submit(again, voicePush("发送中崩溃", [102]), key);
    expect(retry.status()).toBe(504);
    expect((await json(retry)).error).toMatchObject({
      pushId: record!.id,
      status: "unknown",
      message: expect.stringContaining("不要直接重发"),
    });
    expect((await simulatorState(again)).requests.push_create).toBe(0);

    const admin = await signedIn(second.url, "demo-admin");
    const audit = (await json(await admin.get(`/api/audit?action=push_unknown&target=${record!.id}`))).records as Json[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: null, details: { settled: "abandoned", sent_by: "demo-editor" } });
    await Promise.all([again.dispose(), admin.dispose()]);
  } finally {
    await (second ?? first).stop();
  }
});

test("the approver sees why a push was held: 人数未知", async ({ request, browser }) => {
  const name = `人数未知-${crypto.randomUUID().slice(0, 6)}`;
  const held = await submit(request, voicePush(name, [105]));
  expect(held.status()).toBe(202);
  const { id } = await held.json();
  const context = await browser.newContext({ storageState: STATE.supervisor });
  const page = await context.newPage();
  await page.goto("/approvals");
  const card = page.getByRole("article", { name });
  await expect(card.getByRole("list", { name: "需要审批的原因" })).toContainText("人数未知：所选用户组都没有人数");
  await expect(card).toContainText("人数未知");
  await context.close();
  const supervisor = await browser.newContext({ storageState: STATE.supervisor });
  expect((await supervisor.request.post(`/api/approvals/${id}/reject`, { data: { reason: "测试结束", rescheduled_at: null } })).ok()).toBe(
    true,
  );
  await supervisor.close();
});
