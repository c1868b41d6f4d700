import { approvalList } from "@/lib/server/pushes/approval-list";
import { route } from "@/lib/server/route";
import { approvalListQuerySchema } from "@/lib/validations/push-record";

export const dynamic = "force-dynamic";

/** 待审批: pushes held by the approval policy, newest first, with their full body and reach; filtered by channel, sender and days. */
export const GET = route({ need: "approve", query: approvalListQuerySchema }, ({ query }) => approvalList(query));
