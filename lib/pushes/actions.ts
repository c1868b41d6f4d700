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
