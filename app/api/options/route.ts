import { jsonResponse, withErrors } from "@/lib/server/http";
import { publicOptions } from "@/lib/server/options";

export const dynamic = "force-dynamic";

export function GET() {
  return withErrors(async () => jsonResponse(publicOptions()));
}
