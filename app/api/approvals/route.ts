import * as z from "zod/mini";
import { pushStore } from "@/lib/server/pushes/store";
import { route } from "@/lib/server/route";
import { groupsQuerySchema } from "@/lib/validations/group";

export const dynamic = "force-dynamic";

const querySchema = z.object({ current: groupsQuerySchema.shape.current, size: groupsQuerySchema.shape.size });

/** 待审批: pushes held by the approval policy, newest first, with their full body and reach. */
export const GET = route({ need: "approve", query: querySchema }, ({ query }) =>
  pushStore().list({ ...query, status: "pending_approval" }),
);
