import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { serverConfig } from "@/lib/server/config";
import { openDatabase } from "@/lib/server/db";
import { processSingleton } from "@/lib/server/singleton";
import { chinaDayStart, likeContains } from "@/lib/validations/list-filters";
import type { Push } from "@/lib/validations/push";
import type { SettleOutcome } from "@/lib/validations/push-labels";
import type { PushHeld, PushList, PushListQuery, PushRecord, PushScheduled, PushStatus, Reach } from "@/lib/validations/push-record";

// The console's record of its pushes, and the exactly-once guard. SQLite today (better-sqlite3),
// PostgreSQL later: callers see only this interface, in plain values and promises.

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
   * the approved record, or undefined if it was not waiting. `answer` is what a retry replays.
   */
  approve(id: string, by: string, to?: ApprovedTo, answer?: StoredAnswer): Promise<PushRecord | undefined>;
  /**
   * The scheduler's claim, one atomic UPDATE: scheduled pushes due (at or before now, at most
   * `graceMs` late) become pending and are returned, each to exactly one caller in any process.
   */
  claimDue(graceMs: number): Promise<PushRecord[]>;
  /** Scheduled pushes more than `graceMs` late become missed; held ones expired. Returned, to audit. */
  markOverdue(graceMs: number): Promise<PushRecord[]>;
  /** A scheduled (or held and scheduled) push → cancelled: the record, or undefined if it was not waiting. */
  cancel(id: string, by: string, answer: StoredAnswer): Promise<PushRecord | undefined>;
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
  /** pending_approval → rejected: the record, or undefined if it was not waiting. */
  reject(id: string, by: string, reason: string, answer: StoredAnswer): Promise<PushRecord | undefined>;
  get(id: string): Promise<PushRecord | undefined>;
  list(query: PushListQuery): Promise<PushList>;
  close(): void;
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

const newId = () => randomBytes(9).toString("base64url");

/** The 202 answer of a push that waits: for a supervisor, for its time, or both; undefined for one sent now. */
function waitingAnswer(id: string, held: boolean, scheduledAt: string | undefined): PushHeld | PushScheduled | undefined {
  if (held) return { id, status: "pending_approval", ...(scheduledAt ? { scheduledAt } : {}) };
  return scheduledAt ? { id, status: "scheduled", scheduledAt } : undefined;
}

const OVERDUE_MESSAGES = {
  missed: "定时时间到时控制台没有运行，恢复运行时已超过宽限期，这条推送没有发出（错过）。如仍需发送，请重新创建推送。",
  expired: "这条定时推送在定时时间过后宽限期内仍未获审批，已过期，没有发出。如仍需发送，请重新创建推送。",
};

type Row = {
  id: string;
  idempotency_key: string;
  body_hash: string;
  created_at: string;
  finished_at: string | null;
  notify_way: number;
  name: string;
  chuanbo_group: string;
  body: string;
  status: PushStatus;
  upstream_code: number | null;
  upstream_message: string | null;
  request_id: string | null;
  is_test: number;
  reach: number | null;
  reach_incomplete: number;
  sent_by: string | null;
  answer_status: number | null;
  answer_body: string | null;
  approved_by: string | null;
  approved_at: string | null;
  rejected_by: string | null;
  rejected_at: string | null;
  reject_reason: string | null;
  hold_reasons: string;
  scheduled_at: string | null;
  send_started_at: string | null;
  cancelled_by: string | null;
  cancelled_at: string | null;
  quiet_hours_reason: string | null;
  withdrawn_at: string | null;
  settled_by: string | null;
  settled_at: string | null;
  settle_note: string | null;
};

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
    quiet_hours_reason: row.quiet_hours_reason,
    withdrawn_at: row.withdrawn_at,
    settled_by: row.settled_by,
    settled_at: row.settled_at,
    settle_note: row.settle_note,
    body,
  };
}

export function openPushStore(file: string, options: StoreOptions = {}): PushStore {
  const now = options.now ?? (() => new Date());
  const db = openDatabase(file, now);
  /** Who ended a waiting push, when, and the answer its author's retry replays from then on (cancel, withdraw, reject). */
  const ending = (id: string, by: string, answer: StoredAnswer) => ({
    id,
    by,
    at: now().toISOString(),
    answer_status: answer.status,
    answer_body: JSON.stringify(answer.body),
  });

  // One key, one attempt, per user; the same expression as the unique index, so that it is used.
  const byKey = db.prepare<[string | null, string], Row>(
    "SELECT * FROM pushes WHERE ifnull(sent_by, '') = ifnull(?, '') AND idempotency_key = ?",
  );
  const byId = db.prepare<[string], Row>("SELECT * FROM pushes WHERE id = ?");
  const insert = db.prepare(
    `INSERT INTO pushes (id, idempotency_key, body_hash, created_at, notify_way, name, chuanbo_group, body, status, is_test, sent_by,
       reach, reach_incomplete, answer_status, answer_body, hold_reasons, scheduled_at, quiet_hours_reason)
     VALUES (@id, @key, @hash, @created_at, @notify_way, @name, @chuanbo_group, @body, @status, @is_test, @sent_by,
       @reach, @reach_incomplete, @answer_status, @answer_body, @hold_reasons, @scheduled_at, @quiet_hours_reason)
     ON CONFLICT DO NOTHING`,
  );
  const finishStmt = db.prepare(
    `UPDATE pushes SET status = @status, finished_at = @finished_at, upstream_code = @upstream_code,
       upstream_message = @upstream_message, request_id = @request_id, answer_status = @answer_status, answer_body = @answer_body
     WHERE id = @id AND status = 'pending'`,
  );
  const reachStmt = db.prepare("UPDATE pushes SET reach = ?, reach_incomplete = ? WHERE id = ?");
  const countStmt = db.prepare<[string | null, string], { n: number }>(
    "SELECT count(*) AS n FROM pushes WHERE sent_by = ? AND created_at >= ? AND is_test = 0",
  );
  // A scheduled push will go out unless someone stops it: it counts like one on its way.
  const windowStmt = db.prepare<[string | null, string, string], { n: number }>(
    `SELECT coalesce(sum(reach), 0) AS n FROM pushes
     WHERE sent_by = ? AND created_at >= ? AND is_test = 0 AND approved_by IS NULL AND status IN ('sent', 'unknown', 'pending', 'scheduled')
       AND id != ?`,
  );
  const pendingStmt = db.prepare<[string], Row>(
    "SELECT * FROM pushes WHERE status = 'pending' AND coalesce(send_started_at, approved_at, created_at) < ? ORDER BY seq",
  );
  const approveStmt = db.prepare(
    `UPDATE pushes SET status = @to, approved_by = @by, approved_at = @at, send_started_at = CASE WHEN @to = 'pending' THEN @at END,
       finished_at = CASE WHEN @to = 'expired' THEN @at END, answer_status = @answer_status, answer_body = @answer_body
     WHERE id = @id AND status = 'pending_approval'`,
  );
  const claimStmt = db.prepare<{ now: string; earliest: string }, Row>(
    `UPDATE pushes SET status = 'pending', send_started_at = @now, answer_status = NULL, answer_body = NULL
     WHERE status = 'scheduled' AND scheduled_at <= @now AND scheduled_at >= @earliest RETURNING *`,
  );
  // What a retry with the push's key replays once it is missed or expired.
  const overdueStmt = db.prepare<{ now: string; earliest: string }, Row>(
    `UPDATE pushes SET status = CASE status WHEN 'scheduled' THEN 'missed' ELSE 'expired' END, finished_at = @now,
       answer_status = 409,
       answer_body = json_object('error', json_object(
         'code', CASE status WHEN 'scheduled' THEN 'missed' ELSE 'expired' END,
         'message', CASE status WHEN 'scheduled' THEN @missed ELSE @expired END,
         'pushId', id,
         'status', CASE status WHEN 'scheduled' THEN 'missed' ELSE 'expired' END))
     WHERE status IN ('scheduled', 'pending_approval') AND scheduled_at < @earliest RETURNING *`,
  );
  const cancelStmt = db.prepare<Record<string, string | number>, Row>(
    `UPDATE pushes SET status = 'cancelled', cancelled_by = @by, cancelled_at = @at, finished_at = @at,
       answer_status = @answer_status, answer_body = @answer_body
     WHERE id = @id AND scheduled_at IS NOT NULL AND status IN ('scheduled', 'pending_approval') RETURNING *`,
  );
  const rescheduleStmt = db.prepare(
    `UPDATE pushes SET body_hash = @hash, notify_way = @notify_way, name = @name, chuanbo_group = @chuanbo_group, body = @body,
       reach = @reach, reach_incomplete = @reach_incomplete, status = @status, scheduled_at = @scheduled_at,
       quiet_hours_reason = @quiet_hours_reason, hold_reasons = @hold_reasons, approved_by = NULL, approved_at = NULL,
       answer_status = 202, answer_body = @answer_body
     WHERE id = @id AND status IN ('scheduled', 'pending_approval') AND scheduled_at IS NOT NULL`,
  );
  // Each one UPDATE guarded by the status it leaves: of a withdrawal racing an approval, or two
  // settlements, exactly one changes the row.
  const withdrawStmt = db.prepare<Record<string, string | number>, Row>(
    `UPDATE pushes SET status = 'withdrawn', withdrawn_at = @at, finished_at = @at, answer_status = @answer_status, answer_body = @answer_body
     WHERE id = @id AND sent_by = @by AND status = 'pending_approval' RETURNING *`,
  );
  const settleStmt = db.prepare<Record<string, string>, Row>(
    `UPDATE pushes SET status = @status, settled_by = @by, settled_at = @at, settle_note = @note
     WHERE id = @id AND status = 'unknown' RETURNING *`,
  );
  // What concerns an author: a decision someone else made, or the console on their behalf.
  const DECIDED = `sent_by = @by AND is_test = 0 AND finished_at IS NOT NULL
     AND (status IN ('rejected', 'expired', 'missed') OR (approved_by IS NOT NULL AND status IN ('sent', 'failed', 'unknown')))`;
  const decidedStmt = db.prepare<{ by: string; limit: number }, Row>(
    `SELECT * FROM pushes WHERE ${DECIDED} ORDER BY finished_at DESC, seq DESC LIMIT @limit`,
  );
  const decidedCountStmt = db.prepare<{ by: string; since: string }, { n: number }>(
    `SELECT count(*) AS n FROM pushes WHERE ${DECIDED} AND finished_at > @since`,
  );
  const awaitingStmt = db.prepare<[string], { n: number }>(
    "SELECT count(*) AS n FROM pushes WHERE status = 'pending_approval' AND ifnull(sent_by, '') != ?",
  );
  const rejectStmt = db.prepare(
    `UPDATE pushes SET status = 'rejected', rejected_by = @by, rejected_at = @at, reject_reason = @reason, finished_at = @at,
       answer_status = @answer_status, answer_body = @answer_body
     WHERE id = @id AND status = 'pending_approval'`,
  );

  /**
   * The sender's counts now. A change of a scheduled push (`rescheduling`, its id): the hourly cap
   * counted it when it was made, and its own reach is left out of the window.
   */
  function countsFor(sentBy: string | null, windowMinutes: number, rescheduling?: string): SenderCounts {
    const at = now().getTime();
    const windowReach = windowStmt.get(sentBy, new Date(at - windowMinutes * 60_000).toISOString(), rescheduling ?? "")?.n ?? 0;
    if (rescheduling !== undefined) return { recentCount: 0, windowReach };
    return { recentCount: countStmt.get(sentBy, new Date(at - 3_600_000).toISOString())?.n ?? 0, windowReach };
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

  // Look up the key, count, decide and insert in one synchronous IMMEDIATE transaction: of two
  // requests with one key exactly one inserts, and no burst of new pushes outruns the counts.
  const beginTx = db.transaction((input: NewPush<unknown>): BeginResult<unknown> => {
    const hash = pushBodyHash(input.push, input.isTest, input.scheduledAt);
    const before = byKey.get(input.sentBy, input.key);
    if (before) return earlier(before, hash);
    let admission: Admission<unknown> = { kind: "send" };
    if (input.admit) {
      const counts = countsFor(input.sentBy, input.admit.windowMinutes);
      admission = input.admit.decide(counts);
      if (admission.kind === "refuse") return { kind: "refused", refusal: admission.refusal, counts };
    }
    const id = newId();
    const held = admission.kind === "hold";
    const scheduledAt = input.scheduledAt?.toISOString();
    // A held or scheduled push's answer is final until it moves on: a retry replays it.
    const answer = waitingAnswer(id, held, scheduledAt);
    const inserted = insert.run({
      id,
      status: held ? "pending_approval" : scheduledAt ? "scheduled" : "pending",
      reach: input.reach?.reach ?? null,
      reach_incomplete: input.reach?.incomplete ? 1 : 0,
      answer_status: answer ? 202 : null,
      answer_body: answer ? JSON.stringify(answer) : null,
      scheduled_at: scheduledAt ?? null,
      quiet_hours_reason: input.quietHoursReason ?? null,
      hold_reasons: JSON.stringify(admission.kind === "hold" ? admission.reasons : []),
      key: input.key,
      hash,
      created_at: now().toISOString(),
      notify_way: input.push.notify_way,
      name: input.push.name,
      chuanbo_group: JSON.stringify(input.push.chuanbo_group),
      body: JSON.stringify(input.push),
      is_test: input.isTest ? 1 : 0,
      sent_by: input.sentBy,
    });
    const row = byKey.get(input.sentBy, input.key);
    if (!row) throw new Error("push record vanished right after insert");
    return inserted.changes === 1 ? { kind: "started", record: toRecord(row) } : earlier(row, hash);
  });

  const rescheduleTx = db.transaction((input: Reschedule<unknown>): RescheduleResult<unknown> => {
    const row = byId.get(input.id);
    const editable =
      row && row.sent_by === input.sentBy && row.scheduled_at !== null && ["scheduled", "pending_approval"].includes(row.status);
    if (!row || !editable) return { kind: "not_editable", record: row && toRecord(row) };
    if (input.timeOnly && row.body !== JSON.stringify(input.push)) return { kind: "changed", record: toRecord(row) };
    // The approval line looks at it afresh.
    const counts = countsFor(input.sentBy, input.admit.windowMinutes, input.id);
    const admission = input.admit.decide(counts);
    if (admission.kind === "refuse") return { kind: "refused", refusal: admission.refusal, counts };
    const held = admission.kind === "hold";
    const scheduledAt = input.scheduledAt.toISOString();
    rescheduleStmt.run({
      id: input.id,
      hash: pushBodyHash(input.push, false, input.scheduledAt),
      notify_way: input.push.notify_way,
      name: input.push.name,
      chuanbo_group: JSON.stringify(input.push.chuanbo_group),
      body: JSON.stringify(input.push),
      reach: input.reach?.reach ?? null,
      reach_incomplete: input.reach?.incomplete ? 1 : 0,
      status: held ? "pending_approval" : "scheduled",
      scheduled_at: scheduledAt,
      quiet_hours_reason: input.quietHoursReason ?? null,
      hold_reasons: JSON.stringify(held ? admission.reasons : []),
      answer_body: JSON.stringify(waitingAnswer(input.id, held, scheduledAt)),
    });
    const after = byId.get(input.id);
    if (!after) throw new Error("push record vanished while rescheduling");
    return { kind: "updated", before: toRecord(row), record: toRecord(after) };
  });

  return {
    async begin<R>(input: NewPush<R>) {
      return beginTx.immediate(input) as BeginResult<R>;
    },
    async finish(id, outcome) {
      const result = finishStmt.run({
        id,
        status: outcome.status,
        finished_at: now().toISOString(),
        upstream_code: outcome.upstreamCode,
        upstream_message: outcome.upstreamMessage,
        request_id: outcome.requestId,
        answer_status: outcome.answer.status,
        answer_body: JSON.stringify(outcome.answer.body),
      });
      return result.changes === 1;
    },
    async setReach(id, reach) {
      reachStmt.run(reach.reach, reach.incomplete ? 1 : 0, id);
    },
    async senderCounts(sentBy, windowMinutes, rescheduling) {
      return countsFor(sentBy, windowMinutes, rescheduling);
    },
    async hasKey(sentBy, key) {
      return byKey.get(sentBy, key) !== undefined;
    },
    async pendingSince(before) {
      return pendingStmt.all(before.toISOString()).map(toRecord);
    },
    async approve(id, by, to = "pending", answer) {
      const changed = approveStmt.run({
        id,
        by,
        to,
        at: now().toISOString(),
        answer_status: answer?.status ?? null,
        answer_body: answer ? JSON.stringify(answer.body) : null,
      }).changes;
      const row = changed === 1 ? byId.get(id) : undefined;
      return row && toRecord(row);
    },
    async claimDue(graceMs) {
      const at = now();
      return claimStmt.all({ now: at.toISOString(), earliest: new Date(at.getTime() - graceMs).toISOString() }).map(toRecord);
    },
    async markOverdue(graceMs) {
      const at = now();
      return overdueStmt
        .all({ now: at.toISOString(), earliest: new Date(at.getTime() - graceMs).toISOString(), ...OVERDUE_MESSAGES })
        .map(toRecord);
    },
    async cancel(id, by, answer) {
      const row = cancelStmt.get(ending(id, by, answer));
      return row && toRecord(row);
    },
    async reschedule<R>(input: Reschedule<R>) {
      return rescheduleTx.immediate(input) as RescheduleResult<R>;
    },
    async withdraw(id, by, answer) {
      const row = withdrawStmt.get(ending(id, by, answer));
      return row && toRecord(row);
    },
    async settle(id, by, outcome, note) {
      const row = settleStmt.get({ id, by, note, at: now().toISOString(), status: outcome === "sent" ? "sent" : "failed" });
      return row && toRecord(row);
    },
    async decidedFor(sentBy, limit) {
      return decidedStmt.all({ by: sentBy, limit }).map(toRecord);
    },
    async countDecidedSince(sentBy, since) {
      return decidedCountStmt.get({ by: sentBy, since: since ?? "" })?.n ?? 0;
    },
    async recent({ sentBy, notBy, statuses, limit }) {
      const where = ["is_test = 0"];
      const params: Record<string, string | number> = { limit };
      if (sentBy !== undefined) {
        where.push("sent_by = @sentBy");
        params.sentBy = sentBy;
      }
      if (notBy !== undefined) {
        where.push("ifnull(sent_by, '') != @notBy");
        params.notBy = notBy;
      }
      if (statuses) {
        // Statuses come from PUSH_STATUSES (typed), bound one by one all the same.
        where.push(`status IN (${statuses.map((_, i) => `@s${i}`).join(", ") || "NULL"})`);
        statuses.forEach((status, i) => (params[`s${i}`] = status));
      }
      return db
        .prepare<[typeof params], Row>(`SELECT * FROM pushes WHERE ${where.join(" AND ")} ORDER BY created_at DESC, seq DESC LIMIT @limit`)
        .all(params)
        .map(toRecord);
    },
    async countAwaitingApproval(notBy) {
      return awaitingStmt.get(notBy)?.n ?? 0;
    },
    async reject(id, by, reason, answer) {
      const changed = rejectStmt.run({ ...ending(id, by, answer), reason }).changes;
      const row = changed === 1 ? byId.get(id) : undefined;
      return row && toRecord(row);
    },
    async get(id) {
      const row = byId.get(id);
      return row ? toRecord(row) : undefined;
    },
    async list({ current, size, notify_way, status, sent_by, from, to, q }) {
      const where: string[] = [];
      const params: Record<string, string | number> = {};
      if (notify_way !== undefined) {
        where.push("notify_way = @notify_way");
        params.notify_way = notify_way;
      }
      if (status !== undefined) {
        where.push("status = @status");
        params.status = status;
      }
      if (sent_by !== undefined) {
        where.push("sent_by = @sent_by");
        params.sent_by = sent_by;
      }
      if (from !== undefined) {
        where.push("created_at >= @from");
        params.from = chinaDayStart(from);
      }
      if (to !== undefined) {
        where.push("created_at < @to");
        params.to = chinaDayStart(to, 1);
      }
      if (q !== undefined) {
        // Name and the texts people wrote, per channel; bound, with % and _ taken literally.
        const texts = [
          "name",
          ...["push_title", "push_content", "msg_template", "voice_content"].map((f) => `json_extract(body, '$.${f}')`),
        ];
        where.push(`(${texts.map((t) => `coalesce(${t}, '') LIKE @q ESCAPE '\\'`).join(" OR ")})`);
        params.q = likeContains(q);
      }
      const clause = where.length > 0 ? `WHERE ${where.join(" AND ")}` : "";
      const { total } = db.prepare<[typeof params], { total: number }>(`SELECT count(*) AS total FROM pushes ${clause}`).get(params) ?? {
        total: 0,
      };
      const rows = db
        .prepare<[typeof params], Row>(`SELECT * FROM pushes ${clause} ORDER BY created_at DESC, seq DESC LIMIT @limit OFFSET @offset`)
        .all({ ...params, limit: size, offset: (current - 1) * size });
      return { records: rows.map(toRecord), total, size, current, pages: Math.ceil(total / size) };
    },
    close() {
      db.close();
    },
  };
}

/** The one store of this server process. */
export const pushStore = (): PushStore => processSingleton("push-store", () => openPushStore(serverConfig().databasePath));
