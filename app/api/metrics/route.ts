import { serverConfig } from "@/lib/server/config";
import { apiError } from "@/lib/server/http";
import { scrape, tokenMatches } from "@/lib/server/metrics-scrape";
import { route } from "@/lib/server/route";

// Prometheus metrics, for a scraper holding METRICS_TOKEN (Authorization: Bearer …). Without a
// token configured the route does not exist (404), so nothing about the console is open by default.

export const dynamic = "force-dynamic";

export const GET = route({ need: "public" }, async ({ request }) => {
  const token = serverConfig().metricsToken;
  if (!token) return apiError(404, "not_found", "控制台没有开放监控指标（未设置 METRICS_TOKEN）。");
  if (!tokenMatches(request.headers.get("authorization"), token)) {
    const refused = apiError(401, "unauthenticated", "监控指标须带正确的令牌读取（Authorization: Bearer <METRICS_TOKEN>）。");
    refused.headers.set("www-authenticate", 'Bearer realm="metrics"');
    return refused;
  }
  const { contentType, text } = await scrape();
  return new Response(text, { headers: { "content-type": contentType, "cache-control": "no-store" } });
});
