import { serverConfig } from "@/lib/server/config";
import { apiError } from "@/lib/server/http";
import { upstreamReadiness } from "@/lib/server/readiness";
import { route } from "@/lib/server/route";

// Readiness: the vendor answers (checked at most every 30 s, for everyone). Open to anyone, so the
// answer is a fixed sentence: never the vendor's own text.

export const dynamic = "force-dynamic";

export const GET = route({ need: "public" }, async () => {
  const upstream = serverConfig().upstream.mode;
  const { ready, checkedAt } = await upstreamReadiness();
  if (ready) return { ready: true, upstream, checkedAt, message: "传播通可以连通。" };
  return apiError(503, "upstream_unavailable", "控制台暂时连不上传播通，请稍后再试；如果一直如此，请管理员查看服务器日志。");
});
