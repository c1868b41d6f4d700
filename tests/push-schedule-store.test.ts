import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openPushStore, type PushStore } from "@/lib/server/pushes/store";
import { freshDatabase, STORES } from "./support/databases";
import type { DatabaseTarget } from "@/lib/server/db";
import type { Push } from "@/lib/validations/push";

// The scheduler's claims on the store: one atomic UPDATE each, so a due push goes to exactly one
// caller (two connections stand for two server processes), and a late one is missed, never sent.

const minuteAt = (minutes: number) => new Date(`2026-05-01T00:${String(minutes).padStart(2, "0")}:00Z`);

const voice: Push = {
  name: "定时语音",
  section_id: 90,
  chuanbo_type_id: 39,
  notify_way: 3,
  chuanbo_group: [103],
  voice_content: "请注意防范。",
};
const GRACE = 10 * 60_000;

describe.each(STORES)("on %s", (kind) => {
  let target: DatabaseTarget;
  let clock: Date;
  const stores: PushStore[] = [];
  const open = async () => {
    const store = await openPushStore(target, { now: () => clock });
    stores.push(store);
    return store;
  };
  const schedule = async (store: PushStore, at: Date, held = false) => {
    const begun = await store.begin({
      key: crypto.randomUUID(),
      push: voice,
      isTest: false,
      sentBy: "demo-editor",
      scheduledAt: at,
      admit: { windowMinutes: 60, decide: () => (held ? { kind: "hold", reasons: ["语音消息须经审批"] } : { kind: "send" }) },
    });
    if (begun.kind !== "started") throw new Error(begun.kind);
    return begun.record;
  };

  beforeEach(async () => {
    target = await freshDatabase(kind);
    clock = new Date("2026-05-01T00:00:00Z");
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
  });

  describe("scheduled pushes in the store", () => {
    it("is recorded as scheduled with its 202 answer, and is not claimed before its time", async () => {
      const store = await open();
      const record = await schedule(store, new Date("2026-05-01T00:05:00Z"));
      expect(record).toMatchObject({ status: "scheduled", scheduled_at: "2026-05-01T00:05:00.000Z" });
      clock = new Date("2026-05-01T00:04:59.999Z");
      expect(await store.claimDue(GRACE)).toEqual([]);
      expect(await store.markOverdue(GRACE)).toEqual([]);
    });

    it("when due, exactly one of two processes claims it, once", async () => {
      const a = await open();
      const b = await open();
      const record = await schedule(a, new Date("2026-05-01T00:05:00Z"));
      clock = new Date("2026-05-01T00:05:01Z");
      const claims = await Promise.all([a.claimDue(GRACE), b.claimDue(GRACE), a.claimDue(GRACE), b.claimDue(GRACE)]);
      expect(claims.flat().map((r) => r.id)).toEqual([record.id]);
      expect(claims.flat()[0]).toMatchObject({ status: "pending", send_started_at: "2026-05-01T00:05:01.000Z" });
      // The sweep of abandoned sends reads its clock from the claim, not from when it was written.
      expect(await a.pendingSince(new Date("2026-05-01T00:05:00Z"))).toEqual([]);
    });

    it("past the grace period it is missed (a held one expired), never claimed", async () => {
      const store = await open();
      const late = await schedule(store, new Date("2026-05-01T00:05:00Z"));
      const held = await schedule(store, new Date("2026-05-01T00:05:00Z"), true);
      const inGrace = await schedule(store, new Date("2026-05-01T00:10:00Z"));
      clock = new Date(Date.parse("2026-05-01T00:05:00Z") + GRACE + 1);
      const overdue = await store.markOverdue(GRACE);
      expect(overdue.map((r) => [r.id, r.status]).sort()).toEqual(
        [
          [late.id, "missed"],
          [held.id, "expired"],
        ].sort(),
      );
      expect((await store.claimDue(GRACE)).map((r) => r.id)).toEqual([inGrace.id]);
      expect(await store.markOverdue(GRACE)).toEqual([]);
    });

    it("cancel and claim race: exactly one wins", async () => {
      const store = await open();
      const record = await schedule(store, new Date("2026-05-01T00:05:00Z"));
      clock = new Date("2026-05-01T00:05:00Z");
      const answer = { status: 409, body: {} };
      const [claimed, cancelled] = await Promise.all([store.claimDue(GRACE), store.cancel(record.id, "demo-editor", null, answer)]);
      expect(claimed.length + (cancelled ? 1 : 0)).toBe(1);
      expect(await store.cancel(record.id, "demo-editor", null, answer)).toBeUndefined();
    });

    it("a cancelled push is never claimed", async () => {
      const store = await open();
      const record = await schedule(store, new Date("2026-05-01T00:05:00Z"));
      expect(await store.cancel(record.id, "demo-supervisor", "改期", { status: 409, body: {} })).toMatchObject({
        status: "cancelled",
        cancelled_by: "demo-supervisor",
        cancel_reason: "改期",
      });
      clock = new Date("2026-05-01T00:06:00Z");
      expect(await store.claimDue(GRACE)).toEqual([]);
      expect(await store.markOverdue(GRACE)).toEqual([]);
    });

    it("a scheduled push counts toward the approval window, but an edited one not against itself", async () => {
      const store = await open();
      const first = await schedule(store, new Date("2026-05-01T00:05:00Z"));
      await store.setReach(first.id, { reach: 15_000, incomplete: false });
      const seen: number[] = [];
      await store.begin({
        key: crypto.randomUUID(),
        push: voice,
        isTest: false,
        sentBy: "demo-editor",
        admit: { windowMinutes: 60, decide: (counts) => (seen.push(counts.windowReach), { kind: "send" }) },
      });
      await store.reschedule({
        id: first.id,
        push: voice,
        sentBy: "demo-editor",
        movedBy: "demo-editor",
        scheduledAt: new Date("2026-05-01T00:07:00Z"),
        admit: { windowMinutes: 60, decide: (counts) => (seen.push(counts.windowReach), { kind: "send" }) },
      });
      expect(seen).toEqual([15_000, 0]);
    });

    it("a change of the time only is refused if the content changed since it was read; the content is never written back", async () => {
      const store = await open();
      const record = await schedule(store, new Date("2026-05-01T00:05:00Z"));
      const admit = { windowMinutes: 60, decide: () => ({ kind: "send" }) as const };
      const edited = { ...voice, name: "作者改过" } as Push;
      expect(
        await store.reschedule({
          id: record.id,
          push: edited,
          sentBy: "demo-editor",
          movedBy: "demo-editor",
          scheduledAt: minuteAt(6),
          admit,
        }),
      ).toMatchObject({
        kind: "updated",
      });
      // The supervisor read the old content, then moves the time: refused, the author's content kept.
      const late = await store.reschedule({
        id: record.id,
        push: voice,
        sentBy: "demo-editor",
        movedBy: "demo-supervisor",
        scheduledAt: minuteAt(9),
        admit,
        timeOnly: true,
      });
      expect(late).toMatchObject({ kind: "changed", record: { name: "作者改过" } });
      expect(await store.get(record.id)).toMatchObject({ name: "作者改过", scheduled_at: minuteAt(6).toISOString() });
      // With the content as it is now, the time moves.
      const moved = await store.reschedule({
        id: record.id,
        push: edited,
        sentBy: "demo-editor",
        movedBy: "demo-supervisor",
        scheduledAt: minuteAt(9),
        admit,
        timeOnly: true,
      });
      expect(moved).toMatchObject({ kind: "updated", record: { name: "作者改过", scheduled_at: minuteAt(9).toISOString() } });
    });

    it("a decision is on what the supervisor read: changed meanwhile (content, time, or saved again as it was), it is neither approved nor rejected", async () => {
      const held = { windowMinutes: 60, decide: () => ({ kind: "hold" as const, reasons: ["语音消息须经审批"] }) };
      const changes = {
        content: { push: { ...voice, voice_content: "作者改过" }, at: minuteAt(5) },
        time: { push: voice, at: minuteAt(6) },
        "saved again as it was": { push: voice, at: minuteAt(5) },
      };
      const rejectAnswer = { status: 409, body: { error: { code: "rejected" } } };
      for (const [change, { push, at }] of Object.entries(changes)) {
        const store = await open();
        const read = await schedule(store, minuteAt(5), true);
        await store.reschedule({
          id: read.id,
          push: push as Push,
          sentBy: "demo-editor",
          movedBy: "demo-editor",
          scheduledAt: at,
          admit: held,
        });
        expect(await store.approve(read.id, "demo-supervisor", "scheduled", undefined, read), change).toBeUndefined();
        expect(await store.reject(read.id, "demo-supervisor", "范围太大", rejectAnswer, read), change).toBeUndefined();
        expect(await store.get(read.id), change).toMatchObject({ status: "pending_approval", approved_by: null, rejected_by: null });
        // What is there now, once read, is decided.
        const now = (await store.get(read.id))!;
        const decided =
          change === "time"
            ? await store.reject(read.id, "demo-supervisor", "范围太大", rejectAnswer, now)
            : await store.approve(read.id, "demo-supervisor", "scheduled", undefined, now);
        expect(decided, change).toMatchObject(
          change === "time" ? { status: "rejected" } : { status: "scheduled", approved_by: "demo-supervisor" },
        );
      }
    });

    it("通知: a push that fails at its time, or that someone else cancels or moves, tells its author; their own changes do not", async () => {
      const store = await open();
      const admit = { windowMinutes: 60, decide: () => ({ kind: "send" }) as const };
      const moved = await schedule(store, minuteAt(5));
      const ownMove = await schedule(store, minuteAt(5));
      const cancelled = await schedule(store, minuteAt(5));
      const ownCancel = await schedule(store, minuteAt(5));
      const failing = await schedule(store, minuteAt(2));
      const at = (minutes: number, seconds = 0) => new Date(minuteAt(minutes).getTime() + seconds * 1000);
      clock = at(1);
      await store.reschedule({
        id: moved.id,
        push: voice,
        sentBy: "demo-editor",
        movedBy: "demo-supervisor",
        scheduledAt: minuteAt(9),
        admit,
        timeOnly: true,
      });
      await store.reschedule({
        id: ownMove.id,
        push: voice,
        sentBy: "demo-editor",
        movedBy: "demo-editor",
        scheduledAt: minuteAt(9),
        admit,
      });
      clock = at(1, 10);
      await store.cancel(cancelled.id, "demo-supervisor", "内容有误", { status: 409, body: {} });
      await store.cancel(ownCancel.id, "demo-editor", null, { status: 409, body: {} });
      expect((await store.decidedFor("demo-editor", 10)).map((r) => r.id)).toEqual([cancelled.id, moved.id]);
      expect(await store.countDecidedSince("demo-editor", at(1, 5).toISOString())).toBe(1);
      // At its time the vendor refuses it: the author, away, is told.
      clock = at(2);
      const [claimed] = await store.claimDue(GRACE);
      expect(claimed?.id).toBe(failing.id);
      clock = at(2, 5);
      const outcome = { upstreamCode: 1001, upstreamMessage: "短信签名未报备", requestId: null, answer: { status: 502, body: {} } };
      await store.finish(failing.id, { status: "failed", ...outcome });
      expect((await store.decidedFor("demo-editor", 10)).map((r) => [r.id, r.status])).toEqual([
        [failing.id, "failed"],
        [cancelled.id, "cancelled"],
        [moved.id, "scheduled"],
      ]);
      expect(await store.countDecidedSince("demo-editor", at(1, 10).toISOString())).toBe(1);
      // The moved push goes out at its new time: it comes up again, as sent.
      clock = at(9);
      expect((await store.claimDue(GRACE)).map((r) => r.id).sort()).toEqual([moved.id, ownMove.id].sort());
      clock = at(9, 5);
      for (const id of [moved.id, ownMove.id]) await store.finish(id, { status: "sent", ...outcome });
      expect((await store.decidedFor("demo-editor", 1)).map((r) => [r.id, r.status, r.rescheduled_by])).toEqual([
        [moved.id, "sent", "demo-supervisor"],
      ]);
      expect(await store.countDecidedSince("demo-editor", at(2, 5).toISOString())).toBe(1);
      expect(await store.decidedFor("demo-supervisor", 10)).toEqual([]);
    });
  });
});
