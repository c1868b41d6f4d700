import "server-only";
import { withGroups } from "@/lib/server/pushes/group-refs";
import { pushStore } from "@/lib/server/pushes/store";
import type { ApprovalListQuery } from "@/lib/validations/push-record";

/** 待审批 (GET /api/approvals and its page): pushes held by the approval policy, newest first, with their groups. */
export async function approvalList(query: ApprovalListQuery) {
  const page = await pushStore().list({ ...query, status: "pending_approval" });
  return { ...page, records: await withGroups(page.records) };
}
