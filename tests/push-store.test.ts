import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createInterface } from "node:readline";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openPushStore, type Outcome, type PushStore } from "@/lib/server/push-store";
import type { Push } from "@/lib/validations/push";
import { recordedReach } from "@/lib/compose/reach";

const sms: Push = {
  name: "防汛通知",
  section_id: 90,
  chuanbo_type_id: 38,
  notify_way: 2,
  chuanbo_group: [101, 102],
  msg_sign_id: 50,
  msg_template: "今晚有暴雨，请做好防范。",
};
const voice: Push = { name: "语音提醒", section_id: 90, chuanbo_type_id: 38, notify_way: 3, chuanbo_group: [103], voice_content: "请注意防范。" };

const KEY_A = "6f1c3a52-6a0e-4d1b-9d3e-7c1f1e0a2b3c";
const KEY_B = "0b7d2e4f-1c3a-4e5f-8a9b-0c1d2e3f4a5b";

const sent = (id: string): Outcome => ({
  status: "sent",
  upstreamCode: 0,
  upstreamMessage: "success",
  requestId: "req-1",
  answer: { status: 201, body: { id, status: "sent", requestId: "req-1" } },
});

let dir: string;
let file: string;
const opened: PushStore[] = [];
const open = (now?: () => Date) => {
  const store = openPushStore(file, now ? { now } : {});
  opened.push(store);
  return store;
};

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "push-store-"));
  // A folder that does not exist yet: the store creates it on first start.
  file = path.join(dir, "nested", "console.sqlite");
});

afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("migrations", () => {
  it("creates the database, applies each migration once, and uses WAL", async () => {
    open();
    open(); // a second start (or process) finds them applied
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare("SELECT name FROM schema_migrations").all()).toEqual(
        readdirSync(path.join("db", "migrations")).sort().map((name) => ({ name })),
      );
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      db.close();
    }
  });
});

describe("begin and finish", () => {
  it("records a pending attempt before the send, then its outcome", async () => {
    const store = open(() => new Date("2025-03-01T08:00:00.000Z"));
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
    const store = open();
    const first = await store.begin({ key: KEY_A, push: sms, isTest: false, sentBy: null });
    await store.finish(first.record.id, sent(first.record.id));
    const reordered = Object.fromEntries(Object.entries(sms).reverse()) as Push;
    const again = await store.begin({ key: KEY_A, push: reordered, isTest: false, sentBy: null });
    expect(again).toMatchObject({ kind: "replay", answer: { status: 201, body: { id: first.record.id, status: "sent" } } });
    expect((await store.list({ current: 1, size: 10 })).total).toBe(1);
  });

  it("says in progress while the first attempt with that key is unfinished", async () => {
    const store = open();
    const first = await store.begin({ key: KEY_A, push: sms, isTest: false, sentBy: null });
    const again = await store.begin({ key: KEY_A, push: sms, isTest: false, sentBy: null });
    expect(again).toMatchObject({ kind: "in_progress", record: { id: first.record.id, status: "pending" } });
  });

  it("refuses a key reused for a different push, or for a test of the same push", async () => {
    const store = open();
    await store.begin({ key: KEY_A, push: sms, isTest: false, sentBy: null });
    expect((await store.begin({ key: KEY_A, push: { ...sms, msg_template: "改过的内容" }, isTest: false, sentBy: null })).kind).toBe(
      "mismatch",
    );
    expect((await store.begin({ key: KEY_A, push: sms, isTest: true, sentBy: null })).kind).toBe("mismatch");
  });

  it("lets exactly one of two concurrent begins with one key win, across two connections", async () => {
    const one = open();
    const two = open();
    const results = await Promise.all([
      one.begin({ key: KEY_A, push: sms, isTest: false, sentBy: null }),
      two.begin({ key: KEY_A, push: sms, isTest: false, sentBy: null }),
    ]);
    expect(results.map((r) => r.kind).sort()).toEqual(["in_progress", "started"]);
    expect(new Set(results.map((r) => r.record.id)).size).toBe(1);
    expect((await one.list({ current: 1, size: 10 })).total).toBe(1);
  });

  it("lets exactly one of several processes racing with one key win", { timeout: 30_000 }, async () => {
    open(); // migrate first, so the race is about the key alone
    const children = Array.from({ length: 4 }, () =>
      spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/support/begin-push.ts", file, KEY_A, JSON.stringify(sms)], {
        stdio: ["pipe", "pipe", "inherit"],
      }),
    );
    const outputs = children.map((child) => {
      const lines = createInterface({ input: child.stdout });
      const ready = new Promise<void>((resolve) => lines.once("line", () => resolve()));
      const result = ready.then(() => new Promise<string>((resolve) => lines.once("line", resolve)));
      return { child, ready, result };
    });
    await Promise.all(outputs.map((o) => o.ready));
    for (const { child } of outputs) child.stdin.write("go\n");
    const results = (await Promise.all(outputs.map((o) => o.result))).map((line) => JSON.parse(line) as { kind: string; id: string });
    expect(results.filter((r) => r.kind === "started")).toHaveLength(1);
    expect(results.filter((r) => r.kind === "in_progress")).toHaveLength(3);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
  });
});

describe("list and reach", () => {
  it("lists newest first, paginated, filtered by channel and status", async () => {
    let t = Date.parse("2025-03-01T08:00:00.000Z");
    const store = open(() => new Date((t += 1000)));
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

  it("keeps the reach computed after the send", async () => {
    const store = open();
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
