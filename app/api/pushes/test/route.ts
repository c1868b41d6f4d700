import { requireUser } from "@/lib/server/auth/session";
import { withErrors } from "@/lib/server/http";
import { handlePushRequest } from "@/lib/server/push-send";

export const dynamic = "force-dynamic";

/** 发送到测试组: the same push, to the options file's test group alone, recorded as a test. */
export function POST(request: Request) {
  return withErrors(async () => handlePushRequest(request, { test: true, user: await requireUser(request, "send") }));
}
