import * as z from "zod/mini";
import { pushCreate } from "@/lib/server/chuanbo-client";
import { invalidRequest, jsonResponse, readJson, withErrors } from "@/lib/server/http";
import { fieldErrors } from "@/lib/validations/field-errors";
import { pushSchema } from "@/lib/validations/push";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return withErrors(async () => {
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const push = z.safeParse(pushSchema, body.value);
    if (!push.success) return invalidRequest(fieldErrors(push.error));
    const result = await pushCreate(push.data);
    return jsonResponse({ id: result.requestId, status: "sent", requestId: result.requestId }, 201);
  });
}
