import * as z from "zod/mini";
import { requireUser } from "@/lib/server/auth/session";
import { invalidRequest, jsonResponse, withErrors } from "@/lib/server/http";
import { handlePushRequest } from "@/lib/server/push-send";
import { pushStore } from "@/lib/server/push-store";
import { fieldErrors } from "@/lib/validations/field-errors";
import { pushListQuerySchema } from "@/lib/validations/push-record";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return withErrors(async () => handlePushRequest(request, { test: false, user: await requireUser(request, "send") }));
}

export function GET(request: Request) {
  return withErrors(async () => {
    await requireUser(request);
    const query = z.safeParse(pushListQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return invalidRequest(fieldErrors(query.error), "查询参数有误。");
    return jsonResponse(await pushStore().list(query.data));
  });
}
