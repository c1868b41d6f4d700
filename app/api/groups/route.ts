import * as z from "zod/mini";
import { requireUser } from "@/lib/server/auth/session";
import { groupList } from "@/lib/server/chuanbo-client";
import { fieldErrors } from "@/lib/validations/field-errors";
import { invalidRequest, jsonResponse, withErrors } from "@/lib/server/http";
import { groupsQuerySchema } from "@/lib/validations/group";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return withErrors(async () => {
    await requireUser(request);
    const query = z.safeParse(groupsQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return invalidRequest(fieldErrors(query.error), "查询参数有误。");
    const { current, size } = query.data;
    const page = await groupList({ current, size });
    return jsonResponse(page.data);
  });
}
