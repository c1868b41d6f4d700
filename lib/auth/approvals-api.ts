import { sendJson } from "@/lib/api/fetch-json";

// 批准 and 驳回 (POST /api/approvals/:id/approve|reject): useDecideApproval in approvals-query uses it,
// and so does the server-rendered 待审批 page (useChange) without loading react-query.

export type ApprovalDecision = { id: string; kind: "approve" } | { id: string; kind: "reject"; reason: string };

export function decideApproval(decision: ApprovalDecision): Promise<unknown> {
  const url = `/api/approvals/${encodeURIComponent(decision.id)}/${decision.kind}`;
  return sendJson("POST", url, decision.kind === "reject" ? { reason: decision.reason } : {});
}
