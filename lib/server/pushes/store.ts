import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { sql, type ExpressionBuilder } from "kysely";
import {
  consoleDatabase,
  jsonText,
  openDatabase,
  senderKey,
  serialized,
  type ConsoleDatabase,
  type DatabaseTarget,
  type Db,
} from "@/lib/server/db";
import { processSingleton } from "@/lib/server/singleton";
import { chinaDayStart, likeContains } from "@/lib/validations/list-filters";
import type { PushesTable, Tables } from "@/lib/server/db-tables";
import type { Push } from "@/lib/validations/push";
import type { SettleOutcome } from "@/lib/validations/push-labels";
import type { PushHeld, PushList, PushListQuery, PushRecord, PushScheduled, PushStatus, Reach } from "@/lib/validations/push-record";

// The console's record of its pushes, and the exactly-once guard, on the console's database
// (SQLite or PostgreSQL, lib/server/db.ts): callers see only this interface, in plain values and
// promises. Every promise holds across processes sharing the database: a key is taken once (a
// unique index), a sender's pushes are admitted one at a time (serialized per sender), and every
// change of state is one UPDATE guarded by the state it leaves.

/**
 * Still what `seen` was: its author may have changed its content or time since it was read (PATCH,
 * 修改时间), and a supervisor decides only on what was seen.
 */
const unchangedSince = (seen: PushRecord) => (eb: ExpressionBuilder<Tables, "pushes">) =>
  eb.and([
    eb("body", "=", JSON.stringify(seen.body)),
    seen.scheduled_at === null ? eb("scheduled_at", "is", null) : eb("scheduled_at", "=", seen.scheduled_at),
    // Saved again unchanged, it may still have been held afresh (hold_reasons, reach): its change time says so.
    seen.rescheduled_at === null ? eb("rescheduled_at", "is", null) : eb("rescheduled_at", "=", seen.rescheduled_at),
  ]);

/** The HTTP answer given for an attempt, replayed as is when the same key comes again. */
export type StoredAnswer = { status: number; body: unknown };

/** What the sender already did, read inside the transaction that records the new push. */
export type SenderCounts = {
  /** Real (not test) pushes this user recorded in the past hour, whatever became of them. */
  recentCount: number;
  /** People reached by this user's real pushes in the approval window that no supervisor approved and that went or may have gone out (sent, unknown, pending). */
  windowReach: number;
};

/** What the policy makes of a new push, given the sender's counts: send it, hold it for approval, or refuse it. */
export type Admission<R> = { kind: "send" } | { kind: "hold"; reasons: string[] } | { kind: "refuse"; refusal: R };

export type NewPush<R = never> = {
  key: string;
  push: Push;
  isTest: boolean;
  sentBy: string | null;
  /** Known before sending when limits or the approval policy needed it. */
  reach?: Reach;
  /** 定时发送: recorded as scheduled (or held), sent by the scheduler at this time. */
  scheduledAt?: Date;
  /** Sent inside 免打扰 anyway, for this reason. */
  quietHoursReason?: string;
  /**
   * The policy, called synchronously inside the transaction that inserts, so that the counts it
   * sees cannot change before the record is written (no burst gets past the cap or the window).
   * Not called for a key this user used before. Without it the push is simply recorded as pending.
   */
  admit?: { windowMinutes: number; decide: (counts: SenderCounts) => Admission<R> };
};

export type BeginResult<R = never> =
  /** Recorded as pending, or as pending_approval when held: the caller now sends it (then `finish`) or says it waits. */
  | { kind: "started"; record: PushRecord }
  /** The policy refused it: nothing was recorded. (Only when there is a policy that can refuse.) */
  | ([R] extends [never] ? never : { kind: "refused"; refusal: R; counts: SenderCounts })
  /** The key was used before for this same push, and it is finished: answer as then. */
  | { kind: "replay"; record: PushRecord; answer: StoredAnswer }
  /** The key was used before for this same push, which is still being sent. */
  | { kind: "in_progress"; record: PushRecord }
  /** The key was used before for a different push. */
  | { kind: "mismatch"; record: PushRecord };

/** A scheduled push's new content and time (same record), re-decided by the approval policy. */
export type Reschedule<R = never> = {
  id: string;
  push: Push;
  sentBy: string;
  /** Who changes it: its author, or a supervisor moving its time (通知 tells the author). */
  movedBy: string;
  reach?: Reach;
  scheduledAt: Date;
  quietHoursReason?: string;
  admit: { windowMinutes: number; decide: (counts: SenderCounts) => Admission<R> };
  /** A change of the time only: refused (`changed`) if the content is no longer `push` (its author changed it meanwhile). */
  timeOnly?: boolean;
};

export type RescheduleResult<R = never> =
  | { kind: "updated"; before: PushRecord; record: PushRecord }
  | ([R] extends [never] ? never : { kind: "refused"; refusal: R; counts: SenderCounts })
  /** Not this user's, not scheduled, or no longer waiting (sent, cancelled…). */
  | { kind: "not_editable"; record: PushRecord | undefined }
  | { kind: "changed"; record: PushRecord };

/** Where an approved push goes: sent now, to wait for its time, or too late to send. */
export type ApprovedTo = "pending" | "scheduled" | "expired";

export type Outcome = {
  status: "sent" | "failed" | "unknown";
  upstreamCode: number | null;
  upstreamMessage: string | null;
  requestId: string | null;
  answer: StoredAnswer;
};

export type PushStore = {
  /** Idempotency-Keys are per user: the same key from another user is that user's own new request. */
  begin<R = never>(input: NewPush<R>): Promise<BeginResult<R>>;
  /** Records the outcome of a pending push; false if it was not pending (already finished). */
  finish(id: string, outcome: Outcome): Promise<boolean>;
  setReach(id: string, reach: Reach): Promise<void>;
  /**
   * What this user already did (the policy's counts), read now: the preflight's question, not an
   * admission. With `rescheduling`, as a change of that scheduled push counts them.
   */
  senderCounts(sentBy: string, windowMinutes: number, rescheduling?: string): Promise<SenderCounts>;
  /** Whether this user used this Idempotency-Key before (its request then replays, whatever the limits say now). */
  hasKey(sentBy: string | null, key: string): Promise<boolean>;
  /** Pending records whose send started (send_started_at, approved_at, else created_at) before then. */
  pendingSince(before: Date): Promise<PushRecord[]>;
  /**
   * pending_approval → `to` (pending: send now; scheduled: wait; expired: too late), exactly once:
   * the approved record, or undefined if it was not waiting, or (with `seen`) its content or time
   * is no longer what the supervisor decided on. `answer` is what a retry replays.
   */
  approve(id: string, by: string, to?: ApprovedTo, answer?: StoredAnswer, seen?: PushRecord): Promise<PushRecord | undefined>;
  /**
   * The scheduler's claim, one atomic UPDATE: scheduled pushes due (at or before now, at most
   * `graceMs` late) become pending and are returned, each to exactly one caller in any process.
   */
  claimDue(graceMs: number): Promise<PushRecord[]>;
  /** Scheduled pushes more than `graceMs` late become missed; held ones expired. Returned, to audit. */
  markOverdue(graceMs: number): Promise<PushRecord[]>;
  /** A scheduled (or held and scheduled) push → cancelled, with why (asked when not its author): the record, or undefined if it was not waiting. */
  cancel(id: string, by: string, reason: string | null, answer: StoredAnswer): Promise<PushRecord | undefined>;
  reschedule<R = never>(input: Reschedule<R>): Promise<RescheduleResult<R>>;
  /** pending_approval → withdrawn by its author: the record, or undefined if it was not this author's or not waiting. */
  withdraw(id: string, by: string, answer: StoredAnswer): Promise<PushRecord | undefined>;
  /** unknown → sent or failed, settled by a person with a note: the record, or undefined if it was not unknown. */
  settle(id: string, by: string, outcome: SettleOutcome, note: string): Promise<PushRecord | undefined>;
  /** An author's real pushes that were decided (approved and sent, rejected, expired, missed) since then, newest first. */
  decidedFor(sentBy: string, limit: number): Promise<PushRecord[]>;
  /** How many of those were decided after `since` (null: ever). */
  countDecidedSince(sentBy: string, since: string | null): Promise<number>;
  /** The latest real pushes, newest first: by an author and/or in some statuses (the home page). */
  recent(filter: { sentBy?: string; notBy?: string; statuses?: readonly PushStatus[]; limit: number }): Promise<PushRecord[]>;
  /** How many pushes wait for a supervisor other than their author. */
  countAwaitingApproval(notBy: string): Promise<number>;
  /** pending_approval → rejected, exactly once: the record, or undefined if it was not waiting or (with `seen`) was changed since. */
  reject(id: string, by: string, reason: string, answer: StoredAnswer, seen?: PushRecord): Promise<PushRecord | undefined>;
  get(id: string): Promise<PushRecord | undefined>;
  list(query: PushListQuery): Promise<PushList>;
  close(): Promise<void>;
};

export type StoreOptions = { now?: () => Date };

/** JSON with keys sorted at every level, so equal pushes hash equally whatever their key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** A test send and a real send of the same content are different requests. */
export function pushBodyHash(push: Push, isTest: boolean, scheduledAt?: Date): string {
  return createHash("sha256")
    .update(canonicalJson({ is_test: isTest, push, ...(scheduledAt ? { scheduled_at: scheduledAt.toISOString() } : {}) }))
    .digest("hex");
}

/**
 * A push's id: 12 URL-safe characters that start with a letter or digit, so that a spreadsheet's formula
 * guard never changes it in the audit CSV ("-abc" would become "'-abc") and no command line reads it as
 * an option. Drawn again when the first character is - or _ (1 in 32), so every id stays equally likely.
 */
export function newPushId(): string {
  for (;;) {
    const id = randomBytes(9).toString("base64url");
    if (/^[A-Za-z0-9]/.test(id)) return id;
  }
}

/** The 202 answer of a push that waits: for a supervisor, for its time, or both; undefined for one sent now. */
function waitingAnswer(id: string, held: boolean, scheduledAt: string | undefined): PushHeld | PushScheduled | undefined {
  if (held) return { id, status: "pending_approval", ...(scheduledAt ? { scheduledAt } : {}) };
  return scheduledAt ? { id, status: "scheduled", scheduledAt } : undefined;
}

const OVERDUE_MESSAGES = {
  missed: "定时时间到时控制台没有运行，恢复运行时已超过宽限期，这条推送没有发出（错过）。如仍需发送，请重新创建推送。",
  expired: "这条定时推送在定时时间过后宽限期内仍未获审批，已过期，没有发出。如仍需发送，请重新创建推送。",
};

type Row = Omit<PushesTable, "seq">;

function toRecord(row: Row): PushRecord {
  const body = JSON.parse(row.body) as Push;
  return {
    id: row.id,
    created_at: row.created_at,
    finished_at: row.finished_at,
    name: row.name,
    notify_way: body.notify_way,
    chuanbo_group: JSON.parse(row.chuanbo_group) as number[],
    reach: row.reach,
    reach_incomplete: row.reach_incomplete === 1,
    status: row.status,
    upstream_code: row.upstream_code,
    upstream_message: row.upstream_message,
    request_id: row.request_id,
    is_test: row.is_test === 1,
    sent_by: row.sent_by,
    approved_by: row.approved_by,
    approved_at: row.approved_at,
    rejected_by: row.rejected_by,
    rejected_at: row.rejected_at,
    reject_reason: row.reject_reason,
    hold_reasons: JSON.parse(row.hold_reasons) as string[],
    scheduled_at: row.scheduled_at,
    send_started_at: row.send_started_at,
    cancelled_by: row.cancelled_by,
    cancelled_at: row.cancelled_at,
    cancel_reason: row.cancel_reason,
    rescheduled_by: row.rescheduled_by,
    rescheduled_at: row.rescheduled_at,
    quiet_hours_reason: row.quiet_hours_reason,
    withdrawn_at: row.withdrawn_at,
    settled_by: row.settled_by,
    settled_at: row.settled_at,
    settle_note: row.settle_note,
    body,
  };
}

/** The store over a database that `database` opens (once, on first use). */
function makePushStore(database: () => Promise<ConsoleDatabase>, options: StoreOptions & { close?: () => Promise<void> } = {}): PushStore {
  const now = options.now ?? (() => new Date());
  /** When a waiting push ended, and the answer its author's retry replays from then on (cancel, withdraw, reject). */
  const ending = (answer: StoredAnswer) => ({
    at: now().toISOString(),
    answer_status: answer.status,
    answer_body: JSON.stringify(answer.body),
  });
  const iso = (ms: number) => new Date(ms).toISOString();

  // One key, one attempt, per user; the same expression as the unique index, so that it is used.
  const byKey = (cdb: ConsoleDatabase, db: Db, sentBy: string | null, key: string) =>
    db
      .selectFrom("pushes")
      .selectAll()
      .where(senderKey(cdb.dialect), "=", sentBy ?? "")
      .where("idempotency_key", "=", key)
      .executeTakeFirst();
  const byId = (db: Db, id: string) => db.selectFrom("pushes").selectAll().where("id", "=", id).executeTakeFirst();

  /**
   * The sender's counts now. A change of a scheduled push (`rescheduling`, its id): the hourly cap
   * counted it when it was made, and its own reach is left out of the window. A scheduled push
   * will go out unless someone stops it: it counts like one on its way.
   */
  async function countsFor(db: Db, sentBy: string | null, windowMinutes: number, rescheduling?: string): Promise<SenderCounts> {
    const at = now().getTime();
    const window = await db
      .selectFrom("pushes")
      .select(sql<number>`coalesce(sum(reach), 0)`.as("n"))
      .where("sent_by", "=", sentBy)
      .where("created_at", ">=", iso(at - windowMinutes * 60_000))
      .where("is_test", "=", 0)
      .where("approved_by", "is", null)
      .where("status", "in", ["sent", "unknown", "pending", "scheduled"])
      .where("id", "!=", rescheduling ?? "")
      .executeTakeFirst();
    const windowReach = Number(window?.n ?? 0);
    if (rescheduling !== undefined) return { recentCount: 0, windowReach };
    const recent = await db
      .selectFrom("pushes")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("sent_by", "=", sentBy)
      .where("created_at", ">=", iso(at - 3_600_000))
      .where("is_test", "=", 0)
      .executeTakeFirst();
    return { recentCount: Number(recent?.n ?? 0), windowReach };
  }

  /** What a key used before by this user answers now. */
  function earlier(row: Row, hash: string): BeginResult<never> {
    const record = toRecord(row);
    if (row.body_hash !== hash) return { kind: "mismatch", record };
    if (row.status === "pending" || row.answer_status === null) return { kind: "in_progress", record };
    return {
      kind: "replay",
      record,
      answer: { status: row.answer_status, body: JSON.parse(row.answer_body ?? "null") as unknown },
    };
  }

  /** The sender's lock: their pushes are admitted one at a time, in every process on this database. */
  const senderLock = (sentBy: string | null) => `chuanbo-console.sender:${sentBy ?? ""}`;

  // Look up the key, count, decide and insert with this sender's writes serialized: of two
  // requests with one key exactly one inserts, and no burst of new pushes outruns the counts.
  async function begin(input: NewPush<unknown>): Promise<BeginResult<unknown>> {
    const cdb = await database();
    return serialized(cdb, senderLock(input.sentBy), async (db) => {
      const hash = pushBodyHash(input.push, input.isTest, input.scheduledAt);
      const before = await byKey(cdb, db, input.sentBy, input.key);
      if (before) return earlier(before, hash);
      let admission: Admission<unknown> = { kind: "send" };
      if (input.admit) {
        const counts = await countsFor(db, input.sentBy, input.admit.windowMinutes);
        admission = input.admit.decide(counts);
        if (admission.kind === "refuse") return { kind: "refused", refusal: admission.refusal, counts };
      }
      const id = newPushId();
      const held = admission.kind === "hold";
      const scheduledAt = input.scheduledAt?.toISOString();
      // A held or scheduled push's answer is final until it moves on: a retry replays it.
      const answer = waitingAnswer(id, held, scheduledAt);
      const inserted = await db
        .insertInto("pushes")
        .values({
          id,
          idempotency_key: input.key,
          body_hash: hash,
          created_at: now().toISOString(),
          notify_way: input.push.notify_way,
          name: input.push.name,
          chuanbo_group: JSON.stringify(input.push.chuanbo_group),
          body: JSON.stringify(input.push),
          status: held ? "pending_approval" : scheduledAt ? "scheduled" : "pending",
          is_test: input.isTest ? 1 : 0,
          sent_by: input.sentBy,
          reach: input.reach?.reach ?? null,
          reach_incomplete: input.reach?.incomplete ? 1 : 0,
          answer_status: answer ? 202 : null,
          answer_body: answer ? JSON.stringify(answer) : null,
          hold_reasons: JSON.stringify(admission.kind === "hold" ? admission.reasons : []),
          scheduled_at: scheduledAt ?? null,
          quiet_hours_reason: input.quietHoursReason ?? null,
        })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      const row = await byKey(cdb, db, input.sentBy, input.key);
      if (!row) throw new Error("push record vanished right after insert");
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1 ? { kind: "started", record: toRecord(row) } : earlier(row, hash);
    });
  }

  async function reschedule(input: Reschedule<unknown>): Promise<RescheduleResult<unknown>> {
    const cdb = await database();
    return serialized(cdb, senderLock(input.sentBy), async (db) => {
      const row = await byId(db, input.id);
      const editable =
        row && row.sent_by === input.sentBy && row.scheduled_at !== null && ["scheduled", "pending_approval"].includes(row.status);
      if (!row || !editable) return { kind: "not_editable", record: row && toRecord(row) };
      if (input.timeOnly && row.body !== JSON.stringify(input.push)) return { kind: "changed", record: toRecord(row) };
      // The approval line looks at it afresh.
      const counts = await countsFor(db, input.sentBy, input.admit.windowMinutes, input.id);
      const admission = input.admit.decide(counts);
      if (admission.kind === "refuse") return { kind: "refused", refusal: admission.refusal, counts };
      const held = admission.kind === "hold";
      const scheduledAt = input.scheduledAt.toISOString();
      const after = await db
        .updateTable("pushes")
        .set({
          body_hash: pushBodyHash(input.push, false, input.scheduledAt),
          notify_way: input.push.notify_way,
          name: input.push.name,
          chuanbo_group: JSON.stringify(input.push.chuanbo_group),
          body: JSON.stringify(input.push),
          reach: input.reach?.reach ?? null,
          reach_incomplete: input.reach?.incomplete ? 1 : 0,
          status: held ? "pending_approval" : "scheduled",
          scheduled_at: scheduledAt,
          rescheduled_by: input.movedBy,
          rescheduled_at: now().toISOString(),
          quiet_hours_reason: input.quietHoursReason ?? null,
          hold_reasons: JSON.stringify(held ? admission.reasons : []),
          approved_by: null,
          approved_at: null,
          answer_status: 202,
          answer_body: JSON.stringify(waitingAnswer(input.id, held, scheduledAt)),
        })
        .where("id", "=", input.id)
        .where("status", "in", ["scheduled", "pending_approval"])
        .where("scheduled_at", "is not", null)
        .returningAll()
        .executeTakeFirst();
      // On PostgreSQL the sender's lock does not stop a supervisor or the scheduler: it moved on meanwhile.
      if (!after) return { kind: "not_editable", record: one(await byId(db, input.id)) };
      return { kind: "updated", before: toRecord(row), record: toRecord(after) };
    });
  }

  const records = (rows: Row[]) => rows.map(toRecord);
  const one = (row: Row | undefined) => row && toRecord(row);

  /**
   * An author's pushes that concern them (lib/pushes/notifications.ts says each): a decision someone
   * else made, the console's on their behalf, a scheduled push that failed at its time while they
   * were away, and a scheduled push someone else cancelled or moved.
   */
  const decided = (db: Db, by: string) =>
    db
      .selectFrom("pushes")
      .where("sent_by", "=", by)
      .where("is_test", "=", 0)
      .where((eb) =>
        eb.or([
          eb.and([eb("finished_at", "is not", null), eb("status", "in", ["rejected", "expired", "missed"])]),
          eb.and([eb("approved_by", "is not", null), eb("status", "in", ["sent", "failed", "unknown"])]),
          eb.and([eb("scheduled_at", "is not", null), eb("status", "in", ["failed", "unknown"])]),
          eb.and([eb("status", "=", "cancelled"), eb("cancelled_by", "!=", by)]),
          eb.and([
            eb("rescheduled_by", "!=", by),
            eb("status", "in", ["scheduled", "pending_approval", "pending", "sent", "failed", "unknown"]),
          ]),
        ]),
      );
  /** When it concerned them last: its end, or (still waiting) when someone else moved it. */
  const noticedAt = sql<string>`coalesce(finished_at, rescheduled_at)`;

  /** A missed or expired push's answer to a retry with its key: the 409 that says so. */
  const overdueAnswer = (kind: "missed" | "expired") => {
    const [prefix, suffix] = JSON.stringify({
      error: { code: kind, message: OVERDUE_MESSAGES[kind], pushId: "\u0000", status: kind },
    }).split("\u0000");
    return sql<string>`cast(${prefix} as text) || id || cast(${suffix} as text)`;
  };

  return {
    async begin<R>(input: NewPush<R>) {
      return (await begin(input)) as BeginResult<R>;
    },
    async finish(id, outcome) {
      const { db } = await database();
      const result = await db
        .updateTable("pushes")
        .set({
          status: outcome.status,
          finished_at: now().toISOString(),
          upstream_code: outcome.upstreamCode,
          upstream_message: outcome.upstreamMessage,
          request_id: outcome.requestId,
          answer_status: outcome.answer.status,
          answer_body: JSON.stringify(outcome.answer.body),
        })
        .where("id", "=", id)
        .where("status", "=", "pending")
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async setReach(id, reach) {
      const { db } = await database();
      await db
        .updateTable("pushes")
        .set({ reach: reach.reach, reach_incomplete: reach.incomplete ? 1 : 0 })
        .where("id", "=", id)
        .execute();
    },
    async senderCounts(sentBy, windowMinutes, rescheduling) {
      return countsFor((await database()).db, sentBy, windowMinutes, rescheduling);
    },
    async hasKey(sentBy, key) {
      const cdb = await database();
      return (await byKey(cdb, cdb.db, sentBy, key)) !== undefined;
    },
    async pendingSince(before) {
      const { db } = await database();
      return records(
        await db
          .selectFrom("pushes")
          .selectAll()
          .where("status", "=", "pending")
          .where(sql<string>`coalesce(send_started_at, approved_at, created_at)`, "<", before.toISOString())
          .orderBy("seq")
          .execute(),
      );
    },
    async approve(id, by, to = "pending", answer, seen) {
      const { db } = await database();
      const at = now().toISOString();
      let guarded = db
        .updateTable("pushes")
        .set({
          status: to,
          approved_by: by,
          approved_at: at,
          send_started_at: to === "pending" ? at : null,
          finished_at: to === "expired" ? at : null,
          answer_status: answer?.status ?? null,
          answer_body: answer ? JSON.stringify(answer.body) : null,
        })
        .where("id", "=", id)
        .where("status", "=", "pending_approval");
      if (seen) guarded = guarded.where(unchangedSince(seen));
      return one(await guarded.returningAll().executeTakeFirst());
    },
    async claimDue(graceMs) {
      const { db } = await database();
      const at = now();
      return records(
        await db
          .updateTable("pushes")
          .set({ status: "pending", send_started_at: at.toISOString(), answer_status: null, answer_body: null })
          .where("status", "=", "scheduled")
          .where("scheduled_at", "<=", at.toISOString())
          .where("scheduled_at", ">=", iso(at.getTime() - graceMs))
          .returningAll()
          .execute(),
      );
    },
    async markOverdue(graceMs) {
      const { db } = await database();
      const at = now();
      const earliest = iso(at.getTime() - graceMs);
      // Scheduled ones were missed (the console was not running); held ones expired unapproved.
      const overdue = async (from: "scheduled" | "pending_approval", to: "missed" | "expired") =>
        db
          .updateTable("pushes")
          .set({ status: to, finished_at: at.toISOString(), answer_status: 409, answer_body: overdueAnswer(to) })
          .where("status", "=", from)
          .where("scheduled_at", "<", earliest)
          .returningAll()
          .execute();
      return records([...(await overdue("scheduled", "missed")), ...(await overdue("pending_approval", "expired"))]);
    },
    async cancel(id, by, reason, answer) {
      const { db } = await database();
      const { at, ...answered } = ending(answer);
      const row = await db
        .updateTable("pushes")
        .set({ status: "cancelled", cancelled_by: by, cancelled_at: at, cancel_reason: reason, finished_at: at, ...answered })
        .where("id", "=", id)
        .where("scheduled_at", "is not", null)
        .where("status", "in", ["scheduled", "pending_approval"])
        .returningAll()
        .executeTakeFirst();
      return one(row);
    },
    async reschedule<R>(input: Reschedule<R>) {
      return (await reschedule(input)) as RescheduleResult<R>;
    },
    // Each one UPDATE guarded by the status it leaves: of a withdrawal racing an approval, or two
    // settlements, exactly one changes the row.
    async withdraw(id, by, answer) {
      const { db } = await database();
      const { at, ...answered } = ending(answer);
      const row = await db
        .updateTable("pushes")
        .set({ status: "withdrawn", withdrawn_at: at, finished_at: at, ...answered })
        .where("id", "=", id)
        .where("sent_by", "=", by)
        .where("status", "=", "pending_approval")
        .returningAll()
        .executeTakeFirst();
      return one(row);
    },
    async settle(id, by, outcome, note) {
      const { db } = await database();
      const row = await db
        .updateTable("pushes")
        .set({ status: outcome === "sent" ? "sent" : "failed", settled_by: by, settled_at: now().toISOString(), settle_note: note })
        .where("id", "=", id)
        .where("status", "=", "unknown")
        .returningAll()
        .executeTakeFirst();
      return one(row);
    },
    async decidedFor(sentBy, limit) {
      const { db } = await database();
      return records(await decided(db, sentBy).selectAll().orderBy(noticedAt, "desc").orderBy("seq", "desc").limit(limit).execute());
    },
    async countDecidedSince(sentBy, since) {
      const { db } = await database();
      const row = await decided(db, sentBy)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where(noticedAt, ">", since ?? "")
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async recent({ sentBy, notBy, statuses, limit }) {
      const { db, dialect } = await database();
      let query = db.selectFrom("pushes").selectAll().where("is_test", "=", 0);
      if (sentBy !== undefined) query = query.where("sent_by", "=", sentBy);
      if (notBy !== undefined) query = query.where(senderKey(dialect), "!=", notBy);
      if (statuses) {
        if (statuses.length === 0) return [];
        query = query.where("status", "in", statuses);
      }
      return records(await query.orderBy("created_at", "desc").orderBy("seq", "desc").limit(limit).execute());
    },
    async countAwaitingApproval(notBy) {
      const { db, dialect } = await database();
      const row = await db
        .selectFrom("pushes")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("status", "=", "pending_approval")
        .where(senderKey(dialect), "!=", notBy)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async reject(id, by, reason, answer, seen) {
      const { db } = await database();
      const { at, ...answered } = ending(answer);
      let guarded = db
        .updateTable("pushes")
        .set({ status: "rejected", rejected_by: by, rejected_at: at, reject_reason: reason, finished_at: at, ...answered })
        .where("id", "=", id)
        .where("status", "=", "pending_approval");
      if (seen) guarded = guarded.where(unchangedSince(seen));
      return one(await guarded.returningAll().executeTakeFirst());
    },
    async get(id) {
      return one(await byId((await database()).db, id));
    },
    async list({ current, size, notify_way, status, sent_by, from, to, q }) {
      const { db, dialect } = await database();
      let query = db.selectFrom("pushes");
      if (notify_way !== undefined) query = query.where("notify_way", "=", notify_way);
      if (status !== undefined) query = query.where("status", "=", status);
      if (sent_by !== undefined) {
        // A username exactly, or part of the name people see in the lists (every account whose name
        // holds it; brackets typed half-width match the full-width ones names are written with). An
        // account whose name is its username is found by the username alone, exactly.
        const like = dialect === "postgres" ? sql.raw("ILIKE") : sql.raw("LIKE");
        const words = [sent_by, sent_by.replaceAll("(", "（").replaceAll(")", "）")].map(likeContains);
        const named = db
          .selectFrom("user")
          .select("username")
          .whereRef("user.name", "<>", "user.username")
          .where(({ or }) => or(words.map((w) => sql<boolean>`${sql.ref("user.name")} ${like} ${w} ESCAPE '\\'`)));
        query = query.where((eb) => eb.or([eb("sent_by", "=", sent_by), eb("sent_by", "in", named)]));
      }
      if (from !== undefined) query = query.where("created_at", ">=", chinaDayStart(from));
      if (to !== undefined) query = query.where("created_at", "<", chinaDayStart(to, 1));
      if (q !== undefined) {
        // Name and the texts people wrote, per channel; bound, with % and _ taken literally, and
        // letters of either case (SQLite's LIKE ignores ASCII case; PostgreSQL's ILIKE does).
        const pattern = likeContains(q);
        const like = dialect === "postgres" ? sql.raw("ILIKE") : sql.raw("LIKE");
        const texts = [
          sql.ref("name"),
          ...["push_title", "push_content", "msg_template", "voice_content"].map((f) => jsonText(dialect, "body", f)),
        ];
        query = query.where(({ or }) => or(texts.map((text) => sql<boolean>`coalesce(${text}, '') ${like} ${pattern} ESCAPE '\\'`)));
      }
      const counted = await query.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirst();
      const total = Number(counted?.total ?? 0);
      const rows = await query
        .selectAll()
        .orderBy("created_at", "desc")
        .orderBy("seq", "desc")
        .limit(size)
        .offset((current - 1) * size)
        .execute();
      return { records: records(rows), total, size, current, pages: Math.ceil(total / size) };
    },
    async close() {
      await options.close?.();
    },
  };
}

/** A store on its own connection to `target` (tests, scripts); close() closes it. */
export async function openPushStore(target: DatabaseTarget, options: StoreOptions = {}): Promise<PushStore> {
  const cdb = await openDatabase(target, options.now);
  return makePushStore(async () => cdb, { ...options, close: cdb.close });
}

/** The one store of this server process, on the process's database. */
export const pushStore = (): PushStore => processSingleton("push-store", () => makePushStore(consoleDatabase));
