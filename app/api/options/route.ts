import { requireUser } from "@/lib/server/auth/session";
import { jsonResponse, withErrors } from "@/lib/server/http";
import { publicOptions } from "@/lib/server/options";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return withErrors(async () => {
    await requireUser(request);
    return jsonResponse(publicOptions());
  });
}
