import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import Database from "better-sqlite3";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordedReach } from "@/lib/compose/reach";
import { openDatabase, type DatabaseTarget } from "@/lib/server/db";
import { newPushId, openPushStore, type Admission, type Outcome, type PushStore, type SenderCounts } from "@/lib/server/pushes/store";
import { freshDatabase, STORES, targetText } from "./support/databases";
import type { Push } from "@/lib/validations/push";

const sms: Push = {
  name: "防汛通知",
  section_id: 90,
  chuanbo_type_id: 38,
  notify_way: 2,
  chuanbo_group: [101, 102],
  msg_sign_id: 50,
  msg_template: "今晚有暴雨，请做好防范。",
};
const voice: Push = {
  name: "语音提醒",
  section_id: 90,
  chuanbo_type_id: 38,
  notify_way: 3,
  chuanbo_group: [103],
  voice_content: "请注意防范。",
};

/** Console accounts (username, display name), as better-auth's table holds them. */
async function addUsers(target: DatabaseTarget, kind: string, users: Array<[string, string]>) {
  const { db, close } = await openDatabase(target);
  try {
    const now = kind === "sqlite" ? new Date().toISOString() : new Date();
    const rows = users.map(([username, name]) => ({
      id: username,
      name,
      email: `${username}@x.invalid`,
      emailVerified: kind === "sqlite" ? 1 : true,
      createdAt: now,
      updatedAt: now,
      username,
    }));
    await sql`INSERT INTO "user" ("id", "name", "email", "emailVerified", "createdAt", "updatedAt", "username") VALUES ${sql.join(
      rows.map((r) => sql`(${r.id}, ${r.name}, ${r.email}, ${r.emailVerified}, ${r.createdAt}, ${r.updatedAt}, ${r.username})`),
    )}`.execute(db);
  } finally {
    await close();
  }
}

const KEY_A = "6f1c3a52-6a0e-4d1b-9d3e-7c1f1e0a2b3c";
const KEY_B = "0b7d2e4f-1c3a-4e5f-8a9b-0c1d2e3f4a5b";

const sent = (id: string): Outcome => ({
  status: "sent",
  upstreamCode: 0,
  upstreamMessage: "success",
  requestId: "req-1",
  answer: { status: 201, body: { id, status: "sent", requestId: "req-1" } },
});

it("gives pushes ids that a spreadsheet or a command line takes as they are: 12 characters, never a leading - or _", () => {
  // With the old ids (any of 64 characters first) 4,000 draws all passing would happen about once in 10^55.
  const ids = Array.from({ length: 4000 }, newPushId);
  for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{11}$/);
  expect(new Set(ids).size).toBe(ids.length);
  // Every letter and digit still starts some id: the redraw drops two characters, not more.
  expect(new Set(ids.map((id) => id[0])).size).toBe(62);
});

describe.each(STORES)("the push store on %s", (kind) => {
  let target: DatabaseTarget;
  const opened: PushStore[] = [];
  const open = async (now?: () => Date) => {
    const store = await openPushStore(target, now ? { now } : {});
    opened.push(store);
    return store;
  };

  beforeEach(async () => {
    // On SQLite, a folder that does not exist yet: the store creates it on first start.
    target = await freshDatabase(kind);
  });

  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });

  describe("migrations", () => {
    it("creates the database and applies each migration once", async () => {
      await open();
      await open(); // a second start (or process) finds them applied
      const folder = kind === "sqlite" ? "migrations" : "postgres";
      const { db, close } = await openDatabase(target);
      try {
        const { rows } = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(db);
        expect(rows).toEqual(
          readdirSync(path.join("db", folder))
            .sort()
            .map((name) => ({ name })),
        );
      } finally {
        await close();
      }
      if (kind === "sqlite" && "file" in target) {
        const file = new Database(target.file, { readonly: true });
        expect(file.pragma("journal_mode", { simple: true })).toBe("wal");
        file.close();
      }
    });
  });

  describe("begin and finish", () => {
    it("records a pending attempt before the send, then its outcome", async () => {
      const store = await open(() => new Date("2025-03-01T08:00:00.000Z"));
      const begun = await store.begin({ key: KEY_A, push: sms, isTest: false, sentBy: null });
      expect(begun.kind).toBe("started");
      const id = begun.record.id;
      expect(id).toMatch(/^[A-Za-z0-9_-]{8,16}$/);
      expect(await store.get(id)).toMatchObject({
        status: "pending",
        created_at: "2025-03-01T08:00:00.000Z",
        finished_at: null,
        name: "防汛通知",
        notify_way: 2,
        chuanbo_group: [101, 102],
        is_test: false,
        reach: null,
        body: sms,
      });

      expect(await store.finish(id, sent(id))).toBe(true);
      expect(await store.get(id)).toMatchObject({
        status: "sent",
        finished_at: "2025-03-01T08:00:00.000Z",
        upstream_code: 0,
        upstream_message: "success",
        request_id: "req-1",
      });
      // An outcome is final.
      expect(await store.finish(id, { ...sent(id), status: "failed" })).toBe(false);
      expect((await store.get(id))?.status).toBe("sent");
    });

    it("replays the stored answer for the same key and the same push, in any key order", async () => {
      const store = await open();
      const first = await store.begin({ key: KEY_A, push: sms, isTest: false, sentBy: null });
      await store.finish(first.record.id, sent(first.record.id));
      const reordered = Object.fromEntries(Object.entries(sms).reverse()) as Push;
      const again = await store.begin({ key: KEY_A, push: reordered, isTest: false, sentBy: null });
      expect(again).toMatchObject({ kind: "replay", answer: { status: 201, body: { id: first.record.id, status: "sent" } } });
      expect((await store.list({ current: 1, size: 10 })).total).toBe(1);
    });

    it("says in progress while the first attempt with that key is unfinished", async () => {
      const store = await open();
      const first = await store.begin({ key: KEY_A, push: sms, isTest: false, sentBy: null });
      const again = await store.begin({ key: KEY_A, push: sms, isTest: false, sentBy: null });
      expect(again).toMatchObject({ kind: "in_progress", record: { id: first.record.id, status: "pending" } });
    });

    it("refuses a key reused for a different push, or for a test of the same push", async () => {
      const store = await open();
      await store.begin({ key: KEY_A, push: sms, isTest: false, sentBy: null });
      expect((await store.begin({ key: KEY_A, push: { ...sms, msg_template: "改过的内容" }, isTest: false, sentBy: null })).kind).toBe(
        "mismatch",
      );
      expect((await store.begin({ key: KEY_A, push: sms, isTest: true, sentBy: null })).kind).toBe("mismatch");
    });

    // A console process holds one SQLite connection (a second in the same thread would wait on the
    // file lock synchronously); on PostgreSQL each store has its own pool. Processes race below.
    it("lets exactly one of two concurrent begins with one key win, on one process's connections", async () => {
      const one = await open();
      const two = kind === "sqlite" ? one : await open();
      const results = await Promise.all([
        one.begin({ key: KEY_A, push: sms, isTest: false, sentBy: null }),
        two.begin({ key: KEY_A, push: sms, isTest: false, sentBy: null }),
      ]);
      expect(results.map((r) => r.kind).sort()).toEqual(["in_progress", "started"]);
      expect(new Set(results.map((r) => r.record.id)).size).toBe(1);
      expect((await one.list({ current: 1, size: 10 })).total).toBe(1);
    });

    it("lets exactly one of several processes racing with one key win", { timeout: 30_000 }, async () => {
      await open(); // migrate first, so the race is about the key alone
      const results = await race(Array.from({ length: 4 }, () => [KEY_A]));
      expect(results.filter((r) => r.kind === "started")).toHaveLength(1);
      expect(results.filter((r) => r.kind === "in_progress")).toHaveLength(3);
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
    });
  });

  /** Processes that each begin one push on the database at the same moment: [key, sentBy?, cap?] each. */
  async function race(runs: string[][]): Promise<Array<{ kind: string; id: string | null }>> {
    const children = runs.map(([key, sentBy = "", cap = ""]) =>
      spawn(
        process.execPath,
        [
          "--conditions=react-server",
          "--import",
          "tsx",
          "tests/support/begin-push.ts",
          targetText(target),
          key!,
          JSON.stringify(sms),
          sentBy,
          cap,
        ],
        { stdio: ["pipe", "pipe", "inherit"] },
      ),
    );
    const outputs = children.map((child) => {
      const lines = createInterface({ input: child.stdout });
      const ready = new Promise<void>((resolve) => lines.once("line", () => resolve()));
      const result = ready.then(() => new Promise<string>((resolve) => lines.once("line", resolve)));
      return { child, ready, result };
    });
    await Promise.all(outputs.map((o) => o.ready));
    for (const { child } of outputs) child.stdin.write("go\n");
    return (await Promise.all(outputs.map((o) => o.result))).map((line) => JSON.parse(line) as { kind: string; id: string | null });
  }

  const KEYS = Array.from({ length: 8 }, (_, i) => `${i}b7d2e4f-1c3a-4e5f-8a9b-0c1d2e3f4a5b`);
  const capped = (cap: number) => ({
    windowMinutes: 60,
    decide: ({ recentCount }: SenderCounts): Admission<"capped"> =>
      recentCount >= cap ? { kind: "refuse", refusal: "capped" } : { kind: "send" },
  });

  describe("keys belong to their user", () => {
    it("treats another user's same key as that user's own new request, even with another body", async () => {
      const store = await open();
      const a = await store.begin({ key: KEY_A, push: sms, isTest: false, sentBy: "zhang" });
      const b = await store.begin({ key: KEY_A, push: voice, isTest: false, sentBy: "li" });
      expect([a.kind, b.kind]).toEqual(["started", "started"]);
      expect(b.record.id).not.toBe(a.record.id);
      expect(b.record).toMatchObject({ sent_by: "li", name: "语音提醒" });
      await store.finish(a.record.id, sent(a.record.id));
      // Each user's own key still replays, or is refused for a different body, as before.
      expect(await store.begin({ key: KEY_A, push: sms, isTest: false, sentBy: "zhang" })).toMatchObject({
        kind: "replay",
        answer: { body: { id: a.record.id } },
      });
      expect(await store.begin({ key: KEY_A, push: voice, isTest: false, sentBy: "li" })).toMatchObject({
        kind: "in_progress",
        record: { id: b.record.id },
      });
      expect((await store.begin({ key: KEY_A, push: voice, isTest: false, sentBy: "zhang" })).kind).toBe("mismatch");
      expect(await store.hasKey("zhang", KEY_A)).toBe(true);
      expect(await store.hasKey("wang", KEY_A)).toBe(false);
    });

    it(
      "lets one of several processes racing with one user's key win, and another user's same key start its own",
      { timeout: 30_000 },
      async () => {
        await open();
        const results = await race([
          [KEY_A, "zhang"],
          [KEY_A, "zhang"],
          [KEY_A, "zhang"],
          [KEY_A, "li"],
        ]);
        const zhang = results.slice(0, 3);
        expect(zhang.filter((r) => r.kind === "started")).toHaveLength(1);
        expect(new Set(zhang.map((r) => r.id)).size).toBe(1);
        expect(results[3]!.kind).toBe("started");
        expect(results[3]!.id).not.toBe(zhang[0]!.id);
      },
    );
  });

  describe("the policy decides inside the transaction that records", () => {
    it("holds the cap under a burst from several processes: exactly the cap are recorded", { timeout: 30_000 }, async () => {
      await open();
      const results = await race(KEYS.map((key) => [key, "zhang", "3"]));
      expect(results.filter((r) => r.kind === "started")).toHaveLength(3);
      expect(results.filter((r) => r.kind === "refused")).toHaveLength(5);
      expect((await (await open()).list({ current: 1, size: 20 })).total).toBe(3);
    });

    it("holds the cap under a burst of one process's concurrent begins", async () => {
      const store = await open();
      const results = await Promise.all(
        KEYS.map((key) => store.begin({ key, push: sms, isTest: false, sentBy: "zhang", admit: capped(3) })),
      );
      expect(results.map((r) => r.kind).sort()).toEqual([
        "refused",
        "refused",
        "refused",
        "refused",
        "refused",
        "started",
        "started",
        "started",
      ]);
      // A refusal records nothing and says what it counted.
      expect(results.find((r) => r.kind === "refused")).toMatchObject({ refusal: "capped", counts: { recentCount: 3 } });
    });

    it("feeds the policy this user's recent count and what went out unapproved in the window", async () => {
      let t = Date.parse("2025-03-01T08:00:00.000Z");
      const store = await open(() => new Date(t));
      const at = (minutesAgo: number) => (t = Date.parse("2025-03-01T10:00:00.000Z") - minutesAgo * 60_000);
      const begin = (key: string, reach: number, extra: { sentBy?: string; isTest?: boolean; hold?: boolean } = {}) =>
        store.begin({
          key,
          push: sms,
          isTest: extra.isTest ?? false,
          sentBy: extra.sentBy ?? "zhang",
          reach: { reach, incomplete: false },
          admit: { windowMinutes: 60, decide: () => (extra.hold ? { kind: "hold", reasons: ["人数未知"] } : { kind: "send" }) },
        });
      at(90);
      await begin(KEYS[0]!, 1000); // before the window and the hour: not counted
      at(50);
      const sentOne = await begin(KEYS[1]!, 2000); // sent: counts
      await store.finish(sentOne.record.id, sent(sentOne.record.id));
      at(40);
      await begin(KEYS[2]!, 300); // still pending (may have gone out): counts
      at(30);
      const failed = await begin(KEYS[3]!, 4000); // failed: did not go out
      await store.finish(failed.record.id, { ...sent(failed.record.id), status: "failed" });
      at(20);
      const held = await begin(KEYS[4]!, 8000, { hold: true }); // approved by a supervisor: not counted
      await store.approve(held.record.id, "supervisor");
      await begin(KEYS[5]!, 16_000, { hold: true }); // waiting for approval: not gone out
      await begin(KEYS[6]!, 32_000, { isTest: true }); // a test send
      await begin(KEYS[7]!, 64_000, { sentBy: "li" }); // another user's
      at(0);
      let seen: SenderCounts | undefined;
      await store.begin({
        key: KEY_A,
        push: sms,
        isTest: false,
        sentBy: "zhang",
        admit: { windowMinutes: 60, decide: (counts) => ((seen = counts), { kind: "send" }) },
      });
      // Hour: the sent, pending, failed, approved and waiting ones (every real push recorded); window: sent + pending.
      expect(seen).toEqual({ recentCount: 5, windowReach: 2300 });
    });

    it("records why a push was held, and returns it with the record", async () => {
      const store = await open();
      const held = await store.begin({
        key: KEY_A,
        push: sms,
        isTest: false,
        sentBy: "zhang",
        reach: { reach: 4977, incomplete: true },
        admit: { windowMinutes: 60, decide: () => ({ kind: "hold", reasons: ["人数未知：部分用户组没有人数"] }) },
      });
      expect(held.record).toMatchObject({
        status: "pending_approval",
        reach: 4977,
        reach_incomplete: true,
        hold_reasons: ["人数未知：部分用户组没有人数"],
      });
      expect((await store.get(held.record.id))?.hold_reasons).toEqual(["人数未知：部分用户组没有人数"]);
      const plain = await store.begin({ key: KEY_B, push: sms, isTest: false, sentBy: "zhang" });
      expect(plain.record.hold_reasons).toEqual([]);
    });

    it("lists pending sends by when they started: an approved push starts when approved", async () => {
      let t = Date.parse("2025-03-01T08:00:00.000Z");
      const store = await open(() => new Date(t));
      const old = await store.begin({ key: KEYS[0]!, push: sms, isTest: false, sentBy: "zhang" });
      const held = await store.begin({
        key: KEYS[1]!,
        push: sms,
        isTest: false,
        sentBy: "zhang",
        admit: { windowMinutes: 60, decide: () => ({ kind: "hold", reasons: ["x"] }) },
      });
      const done = await store.begin({ key: KEYS[2]!, push: sms, isTest: false, sentBy: "zhang" });
      await store.finish(done.record.id, sent(done.record.id));
      t += 600_000;
      await store.approve(held.record.id, "supervisor");
      const cut = new Date(t - 1000);
      expect((await store.pendingSince(cut)).map((r) => r.id)).toEqual([old.record.id]);
      expect((await store.pendingSince(new Date(t + 1))).map((r) => r.id)).toEqual([old.record.id, held.record.id]);
    });
  });

  describe("list and reach", () => {
    it("lists newest first, paginated, filtered by channel and status", async () => {
      let t = Date.parse("2025-03-01T08:00:00.000Z");
      const store = await open(() => new Date((t += 1000)));
      const a = await store.begin({ key: KEY_A, push: sms, isTest: false, sentBy: null });
      await store.finish(a.record.id, sent(a.record.id));
      const b = await store.begin({ key: KEY_B, push: voice, isTest: true, sentBy: null });

      const all = await store.list({ current: 1, size: 10 });
      expect(all).toMatchObject({ total: 2, size: 10, current: 1, pages: 1 });
      expect(all.records.map((r) => r.id)).toEqual([b.record.id, a.record.id]);
      expect(all.records[0]).toMatchObject({ is_test: true, notify_way: 3, status: "pending" });

      expect((await store.list({ current: 2, size: 1 })).records.map((r) => r.id)).toEqual([a.record.id]);
      expect((await store.list({ current: 1, size: 1 })).pages).toBe(2);
      expect((await store.list({ current: 1, size: 10, notify_way: 2 })).records.map((r) => r.id)).toEqual([a.record.id]);
      expect((await store.list({ current: 1, size: 10, status: "pending" })).records.map((r) => r.id)).toEqual([b.record.id]);
      expect(await store.list({ current: 1, size: 10, status: "failed" })).toMatchObject({ records: [], total: 0, pages: 0 });
      expect(await store.get("nope")).toBeUndefined();
    });

    it("searches words literally (% and _ are not wildcards) in name and content; filters by sender (username or name) and Beijing days", async () => {
      // 2025-03-01 15:59:59 UTC is 23:59:59 on 03-01 in Beijing; 16:00:01 UTC is already 03-02.
      let at = "2025-03-01T15:59:59.000Z";
      const store = await open(() => new Date(at));
      const a = await store.begin({
        key: KEY_A,
        push: { ...sms, name: "停水 100%", msg_template: "明天_停水" },
        isTest: false,
        sentBy: "amy",
      });
      at = "2025-03-01T16:00:01.000Z";
      const b = await store.begin({ key: KEY_B, push: { ...voice, name: "停水 1000" }, isTest: false, sentBy: "bob" });
      at = "2025-03-01T16:00:02.000Z";
      const c = await store.begin({
        key: "c",
        push: { ...voice, name: "防汛", voice_content: "停电 O'Brien \\ 通知" },
        isTest: false,
        sentBy: "amy",
      });
      const ids = async (filters: Record<string, string>) =>
        (await store.list({ current: 1, size: 10, ...filters })).records.map((r) => r.id);
      const [A, B, C] = [a.record.id, b.record.id, c.record.id];
      expect(await ids({ q: "100%" })).toEqual([A]);
      expect(await ids({ q: "%" })).toEqual([A]);
      expect(await ids({ q: "_" })).toEqual([A]);
      expect(await ids({ q: "停水" })).toEqual([B, A]);
      expect(await ids({ q: "明天_停水" })).toEqual([A]);
      expect(await ids({ q: "明天x停水" })).toEqual([]);
      expect(await ids({ q: "O'Brien \\" })).toEqual([C]);
      expect(await ids({ q: "\\" })).toEqual([C]);
      expect(await ids({ q: "notify_way" })).toEqual([]);
      expect(await ids({ sent_by: "amy" })).toEqual([C, A]);
      expect(await ids({ sent_by: "am" })).toEqual([]);
      // 发送人 also takes the name the lists show: amy is 王艾米（编辑部）; so is a second account.
      await addUsers(target, kind, [
        ["amy", "王艾米（编辑部）"],
        ["bob", "bob"],
        ["amy2", "王艾米（编辑部）"],
      ]);
      expect(await ids({ sent_by: "王艾米（编辑部）" })).toEqual([C, A]);
      // Part of a name finds it (not of a username: that is exact); brackets typed half-width too.
      expect(await ids({ sent_by: "艾米" })).toEqual([C, A]);
      expect(await ids({ sent_by: "王" })).toEqual([C, A]);
      expect(await ids({ sent_by: "米（" })).toEqual([C, A]);
      expect(await ids({ sent_by: "米(" })).toEqual([C, A]);
      expect(await ids({ sent_by: "%" })).toEqual([]);
      // bob's name is its username (none was given): found by the username only, exactly.
      expect(await ids({ sent_by: "bo" })).toEqual([]);
      expect(await ids({ sent_by: "bob" })).toEqual([B]);
      expect(await ids({ to: "2025-03-01" })).toEqual([A]);
      expect(await ids({ from: "2025-03-02" })).toEqual([C, B]);
      expect(await ids({ from: "2025-03-02", to: "2025-03-02", sent_by: "amy", q: "停电" })).toEqual([C]);
    });

    it("keeps the reach computed after the send", async () => {
      const store = await open();
      const begun = await store.begin({ key: KEY_A, push: sms, isTest: false, sentBy: null });
      await store.setReach(begun.record.id, { reach: 120, incomplete: true });
      expect(await store.get(begun.record.id)).toMatchObject({ reach: 120, reach_incomplete: true });
    });

    it("sums head counts, flagging groups without one", () => {
      expect(recordedReach([{ pnum: 100 }, { pnum: 20 }])).toEqual({ reach: 120, incomplete: false });
      expect(recordedReach([{ pnum: 100 }, { pnum: null }])).toEqual({ reach: 100, incomplete: true });
      expect(recordedReach([{ pnum: 5 }, undefined])).toEqual({ reach: 5, incomplete: true });
      expect(recordedReach([{ pnum: null }])).toEqual({ reach: null, incomplete: true });
      expect(recordedReach([{ pnum: 0 }])).toEqual({ reach: 0, incomplete: false });
    });
  });
});
