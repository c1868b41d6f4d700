import { withGroups } from "@/lib/server/pushes/group-refs";
import { pushStore } from "@/lib/server/pushes/store";
import { route } from "@/lib/server/route";
import { approvalListQuerySchema } from "@/lib/validations/push-record";

export const dynamic = "force-dynamic";

/** 待审批: pushes held by the approval policy, newest first, with their full body and reach; filtered by channel, sender and days. */
export const GET = route({ need: "approve", query: approvalListQuerySchema }, async ({ query }) => {
  const page = await pushStore().list({ ...query, status: "pending_approval" });
  return { ...page, records: await withGroups(page.records) };
});
