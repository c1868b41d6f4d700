import { groupList } from "@/lib/server/chuanbo-client";
import { serverConfig } from "@/lib/server/config";
import { jsonResponse } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export async function GET() {
  const upstream = serverConfig().upstream.mode;
  try {
    await groupList({ current: 1, size: 1 });
    return jsonResponse({ ok: true, upstream, upstreamReachable: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : "未知错误";
    return jsonResponse({ ok: false, upstream, upstreamReachable: false, message }, 503);
  }
}
