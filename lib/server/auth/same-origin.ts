import "server-only";
import { AccessError } from "@/lib/server/auth/errors";
import { serverConfig } from "@/lib/server/config";

// CSRF: the one rule for every state-changing request, to the console's routes and to better-auth's.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const CROSS_SITE = "为防止跨站请求伪造，控制台只接受从它自己的页面发出的操作。请打开控制台页面后再操作。";

/**
 * A state-changing request must be JSON, and when the browser says where it comes from (Origin,
 * Sec-Fetch-Site), from this console. Scripts send neither header; they are not a CSRF vector and
 * still need a session.
 */
export function assertSameOrigin(request: Request, publicUrl = serverConfig().auth.publicUrl): void {
  if (SAFE_METHODS.has(request.method)) return;
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") throw new AccessError(403, "forbidden", CROSS_SITE);
  const origin = request.headers.get("origin");
  if (origin !== null) {
    const allowed = new Set<string>();
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
    let originHost: string | undefined;
    try {
      originHost = new URL(origin).host;
    } catch {
      throw new AccessError(403, "forbidden", CROSS_SITE);
    }
    if (host) allowed.add(host);
    if (publicUrl) allowed.add(new URL(publicUrl).host);
    if (!allowed.has(originHost)) throw new AccessError(403, "forbidden", CROSS_SITE);
  }
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new AccessError(415, "unsupported_media_type", "请求须以 application/json 提交。");
  }
}
