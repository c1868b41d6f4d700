import { serverConfig } from "@/lib/server/config";
import { jsonResponse } from "@/lib/server/http";

// Liveness: the process answers. No upstream call (that is /api/ready), so anyone may ask as often as they like.

export const dynamic = "force-dynamic";

export function GET() {
  return jsonResponse({ ok: true, upstream: serverConfig().upstream.mode });
}
