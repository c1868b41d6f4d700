import { sendJson } from "@/lib/api/fetch-json";

// 批准 and 驳回 (POST /api/approvals/:id/approve|reject), called through useChange by the 待审批 page.

export type ApprovalDecision = { id: string; kind: "approve" } | { id: string; kind: "reject"; reason: string };

export function decideApproval(decision: ApprovalDecision): Promise<unknown> {
  const url = `/api/approvals/${encodeURIComponent(decision.id)}/${decision.kind}`;
  return sendJson("POST", url, decision.kind === "reject" ? { reason: decision.reason } : {});
}
