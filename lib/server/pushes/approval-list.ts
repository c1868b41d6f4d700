import "server-only";
import { listPushes } from "@/lib/server/pushes/list";
import type { ApprovalListQuery } from "@/lib/validations/push-record";

/** 待审批 (GET /api/approvals and its page): the pushes held by the approval policy, as 推送记录 lists them. */
export const approvalList = (query: ApprovalListQuery) => listPushes({ ...query, status: "pending_approval" });
