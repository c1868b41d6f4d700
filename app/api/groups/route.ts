import * as z from "zod/mini";
import { groupsApiQuerySchema, toGroupsParams } from "@/lib/groups/groups-api-schema";
import { requireUser } from "@/lib/server/auth/session";
import { groupsPage } from "@/lib/server/group-index";
import { invalidRequest, jsonResponse, withErrors } from "@/lib/server/http";
import { fieldErrors } from "@/lib/validations/field-errors";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return withErrors(async () => {
    await requireUser(request);
    const query = z.safeParse(groupsApiQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return invalidRequest(fieldErrors(query.error), "查询参数有误。");
    const { params, refresh } = toGroupsParams(query.data);
    const started = performance.now();
    const page = await groupsPage(params, { refresh });
    // Lets a person (and bench/) see the server's share of the time without a profiler.
    return jsonResponse(page, 200, { "server-timing": `groups;dur=${(performance.now() - started).toFixed(1)}` });
  });
}
