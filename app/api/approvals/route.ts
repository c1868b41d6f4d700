import * as z from "zod/mini";
import { requireUser } from "@/lib/server/auth/session";
import { invalidRequest, jsonResponse, withErrors } from "@/lib/server/http";
import { pushStore } from "@/lib/server/push-store";
import { fieldErrors } from "@/lib/validations/field-errors";
import { groupsQuerySchema } from "@/lib/validations/group";

export const dynamic = "force-dynamic";

const querySchema = z.object({ current: groupsQuerySchema.shape.current, size: groupsQuerySchema.shape.size });

/** 待审批: pushes held by the approval policy, newest first, with their full body and reach. */
export function GET(request: Request) {
  return withErrors(async () => {
    await requireUser(request, "approve");
    const query = z.safeParse(querySchema, Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return invalidRequest(fieldErrors(query.error), "查询参数有误。");
    return jsonResponse(await pushStore().list({ ...query.data, status: "pending_approval" }));
  });
}
