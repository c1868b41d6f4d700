import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { can, capabilities, ROLES, type Capability, type Role } from "@/lib/auth/roles";
import { mayDisable } from "@/lib/auth/user-rules";
import { rescheduleRefusal, settleRefusal, withdrawRefusal } from "@/lib/pushes/actions";
import { notificationText, type NotificationItem } from "@/lib/pushes/notifications";
import { openPushStore, type PushStore } from "@/lib/server/pushes/store";
import { seenSchema } from "@/lib/validations/notifications";
import { PUSH_STATUSES } from "@/lib/validations/push-labels";
import { settleSchema } from "@/lib/validations/settle";
import { freshDatabase, STORES } from "./support/databases";
import type { Push } from "@/lib/validations/push";

// The role and record rules of issue 10 (items 7–11, 14): one function each, asked by the server
// and by the UI; and the store's guarded updates that make a race end with one winner.

describe("capabilities by role", () => {
  it.each<[Role[], Record<string, boolean>]>([
    [["editor"], { browse: true, send: true, approve: false, settle: true, admin: false }],
    [["supervisor"], { browse: true, send: false, approve: true, settle: true, admin: false }],
    [["admin"], { browse: true, send: false, approve: false, settle: false, admin: true }],
    [[], { browse: false, send: false, approve: false, settle: false, admin: false }],
    [["editor", "supervisor"], { browse: true, send: true, approve: true, settle: true, admin: false }],
  ])("%j → %j", (roles, expected) => {
    expect(capabilities(roles)).toEqual(expected);
    for (const [capability, allowed] of Object.entries(expected)) expect(can(roles, capability as Capability)).toBe(allowed);
  });

  it("ignores role names it does not know (a forged role string grants nothing)", () => {
    expect(capabilities(["root" as Role, "superuser" as Role])).toEqual({
      browse: false,
      send: false,
      approve: false,
      settle: false,
      admin: false,
    });
  });
});

describe("撤回: only the author, only while it waits for approval", () => {
  it.each(PUSH_STATUSES)("status %s", (status) => {
    expect(withdrawRefusal({ status, sent_by: "zhang" }, "zhang")).toBe(status === "pending_approval" ? null : "not_waiting");
  });
  it.each<[string | null, string]>([
    ["li", "zhang"],
    [null, "zhang"],
    ["zhang ", "zhang"],
    ["ZHANG", "zhang"],
    ["", ""],
  ])("author %j, caller %j: refused", (author, caller) => {
    expect(withdrawRefusal({ status: "pending_approval", sent_by: author }, caller)).toBe("not_author");
  });
});

describe("修改时间: its author (who may send) or a supervisor, only while it waits for its time", () => {
  const at = "2026-05-01T00:05:00.000Z";
  it.each(PUSH_STATUSES)("status %s", (status) => {
    const expected = status === "scheduled" || status === "pending_approval" ? null : "not_waiting";
    expect(rescheduleRefusal({ status, sent_by: "zhang", scheduled_at: at }, "zhang", { send: true, approve: false })).toBe(expected);
    expect(rescheduleRefusal({ status, sent_by: "zhang", scheduled_at: at }, "wang", { send: false, approve: true })).toBe(expected);
    expect(rescheduleRefusal({ status, sent_by: "zhang", scheduled_at: null }, "zhang", { send: true, approve: true })).toBe("not_waiting");
  });
  it.each<[string | null, string, { send: boolean; approve: boolean }]>([
    ["li", "zhang", { send: true, approve: false }], // another editor
    ["zhang", "zhang", { send: false, approve: false }], // its author, no longer an editor
    ["li", "zhang", { send: false, approve: false }], // an admin
    [null, "", { send: true, approve: false }],
    ["", "", { send: true, approve: false }],
    ["zhang ", "zhang", { send: true, approve: false }],
    ["ZHANG", "zhang", { send: true, approve: false }],
  ])("author %j, caller %j, %j: refused", (author, caller, may) => {
    expect(rescheduleRefusal({ status: "scheduled", sent_by: author, scheduled_at: at }, caller, may)).toBe("not_allowed");
  });
});

describe("核实结果不明: who may, and only while unknown", () => {
  it.each(PUSH_STATUSES)("status %s", (status) => {
    expect(settleRefusal({ status }, true)).toBe(status === "unknown" ? null : "not_unknown");
    expect(settleRefusal({ status }, false)).toBe("not_allowed");
  });
  it.each<[unknown, boolean]>([
    [{ outcome: "sent", note: "客服确认已下发" }, true],
    [{ outcome: "not_sent", note: "  对方没收到  " }, true],
    [{ outcome: "not_sent", note: "字".repeat(200) }, true],
    [{ outcome: "not_sent", note: "字".repeat(201) }, false],
    [{ outcome: "sent", note: "   " }, false],
    [{ outcome: "sent" }, false],
    [{ outcome: "SENT", note: "x" }, false],
    [{ outcome: "failed", note: "x" }, false],
    [{ outcome: ["sent"], note: "x" }, false],
    [{ note: "x" }, false],
    [null, false],
  ])("%j → valid %s", (input, valid) => {
    expect(z.safeParse(settleSchema, input).success).toBe(valid);
  });
  it("keeps the note trimmed", () => {
    expect(z.parse(settleSchema, { outcome: "sent", note: "  核实过  " }).note).toBe("核实过");
  });
});

describe("停用: never one's own account", () => {
  it.each<[string, string, boolean]>([
    ["admin", "admin", false],
    ["admin", "zhang", true],
    ["admin", "Admin", true],
    ["cli:root", "admin", true],
  ])("%s disabling %s → %s", (me, target, allowed) => {
    expect(mayDisable(me, { username: target })).toBe(allowed);
  });
});

describe("通知", () => {
  it.each<[unknown, boolean]>([
    [{ until: "2026-05-01T07:30:00Z" }, true],
    [{ until: "2026-05-01T07:30:00+08:00" }, true],
    [{ until: "2026-05-01 07:30" }, false],
    [{ until: "yesterday" }, false],
    [{ until: "" }, false],
    [{ until: 1714548600000 }, false],
    [{}, false],
  ])("seen %j → valid %s", (input, valid) => {
    expect(z.safeParse(seenSchema, input).success).toBe(valid);
  });

  const item = (over: Partial<NotificationItem>): NotificationItem => ({
    id: "p1",
    name: "防汛",
    status: "sent",
    at: "2026-05-01T00:00:00Z",
    kind: "decided",
    by: "li",
    reason: null,
    scheduled_at: "2026-05-01T03:00:00Z",
    ...over,
  });
  it("says who decided, and a rejection's reason", () => {
    expect(notificationText(item({}))).toBe("「防汛」已由 li 批准并发出。");
    expect(notificationText(item({ status: "rejected", reason: "范围太大" }))).toBe("「防汛」被 li 驳回：范围太大");
    expect(notificationText(item({ status: "expired", by: null }))).toContain("已过期");
    expect(notificationText(item({ status: "missed", by: null }))).toContain("已错过");
  });
  it("says what became of a scheduled push while its author was away, and who did it", () => {
    const away = { kind: "failed_at_time", by: null } as const;
    expect(notificationText(item({ ...away, status: "failed" }))).toBe("「防汛」到定时时间发送失败，没有发出，请查看记录。");
    expect(notificationText(item({ ...away, status: "unknown" }))).toBe("「防汛」到定时时间发出时结果不明，请先核实，不要直接重发。");
    const cancelled = item({ kind: "cancelled", status: "cancelled", names: { li: "李审核" } });
    expect(notificationText({ ...cancelled, reason: "内容有误" })).toBe("「防汛」的定时发送被李审核取消，没有发出：内容有误");
    expect(notificationText(cancelled)).toBe("「防汛」的定时发送被李审核取消，没有发出。");
    const moved = item({ kind: "moved", status: "scheduled", names: { li: "李审核" } });
    expect(notificationText(moved)).toBe("「防汛」的定时时间被李审核改为北京时间 2026-05-01 11:00。");
    expect(notificationText({ ...moved, status: "sent" })).toBe("「防汛」已按李审核改定的时间发出（北京时间 2026-05-01 11:00）。");
  });
});

describe.each(STORES)("the store on %s: one winner per race", (kind) => {
  const voice: Push = { name: "语音", section_id: 90, chuanbo_type_id: 38, notify_way: 3, chuanbo_group: [1], voice_content: "注意" };
  const answer = { status: 409, body: {} };
  let store: PushStore;
  beforeEach(async () => {
    store = await openPushStore(await freshDatabase(kind));
  });
  afterEach(async () => {
    await store.close();
  });
  const held = async (sentBy = "zhang") => {
    const begun = await store.begin({
      key: crypto.randomUUID(),
      push: voice,
      isTest: false,
      sentBy,
      admit: { windowMinutes: 60, decide: () => ({ kind: "hold", reasons: ["大"] }) },
    });
    if (begun.kind !== "started") throw new Error(begun.kind);
    return begun.record;
  };

  it("a withdrawal and an approval: whichever comes first wins, the other changes nothing", async () => {
    const a = await held();
    expect(await store.withdraw(a.id, "li", answer)).toBeUndefined(); // not the author
    expect((await store.withdraw(a.id, "zhang", answer))?.status).toBe("withdrawn");
    expect(await store.approve(a.id, "wang")).toBeUndefined();
    const b = await held();
    expect((await store.approve(b.id, "wang"))?.status).toBe("pending");
    expect(await store.withdraw(b.id, "zhang", answer)).toBeUndefined();
    expect((await store.get(b.id))?.status).toBe("pending");
  });

  it("two settlements: the first wins; only an unknown push can be settled", async () => {
    const begun = await store.begin({ key: crypto.randomUUID(), push: voice, isTest: false, sentBy: "zhang" });
    if (begun.kind !== "started") throw new Error(begun.kind);
    const id = begun.record.id;
    expect(await store.settle(id, "li", "sent", "x")).toBeUndefined(); // still pending
    await store.finish(id, {
      status: "unknown",
      upstreamCode: null,
      upstreamMessage: "超时",
      requestId: null,
      answer: { status: 504, body: {} },
    });
    const [first, second] = await Promise.all([store.settle(id, "li", "not_sent", "没收到"), store.settle(id, "wang", "sent", "收到了")]);
    expect(first).toMatchObject({ status: "failed", settled_by: "li", settle_note: "没收到" });
    expect(second).toBeUndefined();
  });

  it("notifications: an author's decided pushes, counted from when they last looked", async () => {
    const a = await held();
    await store.reject(a.id, "wang", "不行", answer);
    const b = await held("li");
    await store.reject(b.id, "wang", "也不行", answer);
    await held(); // still waiting: not a notification
    expect((await store.decidedFor("zhang", 10)).map((r) => r.id)).toEqual([a.id]);
    expect(await store.countDecidedSince("zhang", null)).toBe(1);
    const at = (await store.get(a.id))!.finished_at!;
    expect(await store.countDecidedSince("zhang", at)).toBe(0);
    expect(await store.countAwaitingApproval("zhang")).toBe(0);
    expect(await store.countAwaitingApproval("wang")).toBe(1);
  });

  it("notifications: a scheduled push that was missed (or a held one that expired) tells its author", async () => {
    const due = new Date(Date.now() - 3_600_000);
    for (const hold of [false, true]) {
      await store.begin({
        key: crypto.randomUUID(),
        push: voice,
        isTest: false,
        sentBy: "zhao",
        scheduledAt: due,
        admit: { windowMinutes: 60, decide: () => (hold ? { kind: "hold", reasons: ["大"] } : { kind: "send" }) },
      });
    }
    expect(await store.countDecidedSince("zhao", null)).toBe(0);
    expect((await store.markOverdue(60_000)).length).toBe(2);
    expect((await store.decidedFor("zhao", 10)).map((r) => r.status).sort()).toEqual(["expired", "missed"]);
    expect(await store.countDecidedSince("zhao", null)).toBe(2);
  });
});

it("every role has a label and a grant table entry", () => {
  for (const role of ROLES) expect(Object.values(capabilities([role])).some(Boolean)).toBe(true);
});
