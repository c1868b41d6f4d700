import type { PushRecord } from "@/lib/validations/push-record";

// Who may do what to one push, beyond the role: asked by the server (which enforces) and by the
// history record (which offers only what would be allowed). Plain values, no role tables.

export type Refusal = "not_author" | "not_waiting" | "not_allowed" | "not_unknown";

/** 撤回: only its author, only while it waits for approval. */
export function withdrawRefusal(record: Pick<PushRecord, "sent_by" | "status">, username: string): Refusal | null {
  if (!username || record.sent_by !== username) return "not_author";
  return record.status === "pending_approval" ? null : "not_waiting";
}

/** 核实结果不明: whoever may settle (`can(roles, "settle")`), only while the outcome is unknown. */
export function settleRefusal(record: Pick<PushRecord, "status">, maySettle: boolean): Refusal | null {
  if (!maySettle) return "not_allowed";
  return record.status === "unknown" ? null : "not_unknown";
}

/**
 * 取消定时发送 of someone else's push (a supervisor's): its author was not asked, so they are told
 * why (通知, the record); the canceller must give a reason. Its author cancels without one.
 */
export const CANCEL_REASON_MISSING = "请写明取消理由，让作者知道为什么没有发出";
export const cancelNeedsReason = (record: Pick<PushRecord, "sent_by">, username: string): boolean => record.sent_by !== username;

/** Still waiting for its time (scheduled, or held and scheduled): it may be cancelled or moved. */
export const waitsForTime = (record: Pick<PushRecord, "status" | "scheduled_at">): boolean =>
  record.scheduled_at !== null && (record.status === "scheduled" || record.status === "pending_approval");

/**
 * 修改时间 (POST /api/pushes/:id/reschedule): its author (who may send) or a supervisor, while it
 * waits for its time. Only the time: a supervisor never changes the words, so the author and the
 * approver stay two people (the author changes content with PATCH).
 */
export function rescheduleRefusal(
  record: Pick<PushRecord, "sent_by" | "status" | "scheduled_at">,
  username: string,
  may: { send: boolean; approve: boolean },
): Refusal | null {
  const author = !!username && record.sent_by === username && may.send;
  if (!author && !may.approve) return "not_allowed";
  return waitsForTime(record) ? null : "not_waiting";
}
