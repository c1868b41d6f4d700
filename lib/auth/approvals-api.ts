import { sendJson } from "@/lib/api/fetch-json";

// 批准 and 驳回 (POST /api/approvals/:id/approve|reject), called through useChange by the 待审批 page,
// each with what the supervisor read (the record's rescheduled_at): a push changed since is not decided.

/** `rescheduled_at`: the record's, as the page first showed it (lib/validations/approval.ts). */
export type ApprovalDecision = { id: string; rescheduled_at: string | null } & ({ kind: "approve" } | { kind: "reject"; reason: string });

export function decideApproval(decision: ApprovalDecision): Promise<unknown> {
  const { id, kind, rescheduled_at } = decision;
  const url = `/api/approvals/${encodeURIComponent(id)}/${kind}`;
  return sendJson("POST", url, decision.kind === "reject" ? { rescheduled_at, reason: decision.reason } : { rescheduled_at });
}
