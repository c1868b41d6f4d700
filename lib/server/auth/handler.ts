import "server-only";
import { clientIp, recordAudit } from "@/lib/server/audit";
import { OIDC_PROVIDER_ID, SIGN_IN_PATH } from "@/lib/server/auth/auth";
import { assertSameOrigin } from "@/lib/server/auth/same-origin";
import { sessionUser } from "@/lib/server/auth/session";
import { authReady } from "@/lib/server/auth/users";
import { apiError, withErrors, withinBodyLimit } from "@/lib/server/http";

// /api/auth/*: better-auth's own endpoints (sign-in, sign-out, session, OIDC), wrapped so that
// failures speak the contract's envelope in Chinese, sign-in failures and sign-outs are audited,
// and cookies are Secure everywhere but on a loopback address over plain http.

const BASE = "/api/auth";

const MESSAGES: Record<string, { code: string; message: string }> = {
  INVALID_USERNAME_OR_PASSWORD: { code: "invalid_credentials", message: "用户名或密码不对，请检查后重试。" },
  INVALID_USERNAME: { code: "invalid_credentials", message: "用户名或密码不对，请检查后重试。" },
  USERNAME_TOO_SHORT: { code: "invalid_credentials", message: "用户名或密码不对，请检查后重试。" },
  USERNAME_TOO_LONG: { code: "invalid_credentials", message: "用户名或密码不对，请检查后重试。" },
  PASSWORD_TOO_SHORT: { code: "invalid_credentials", message: "用户名或密码不对，请检查后重试。" },
  PASSWORD_TOO_LONG: { code: "invalid_credentials", message: "用户名或密码不对，请检查后重试。" },
  BANNED_USER: { code: "account_disabled", message: "这个账号已被停用。如需恢复，请联系管理员。" },
  VALIDATION_ERROR: { code: "invalid_request", message: "请填写用户名和密码。" },
};

function isLoopbackHttp(request: Request): boolean {
  const url = new URL(request.url);
  const host = (request.headers.get("host") ?? url.host).replace(/:\d+$/, "");
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  return proto === "http" && ["localhost", "127.0.0.1", "[::1]"].includes(host);
}

/** Adds Secure to every cookie better-auth sets, unless this is someone's own machine over http. */
function secureCookies(request: Request, response: Response): Response {
  const cookies = response.headers.getSetCookie();
  if (cookies.length === 0 || isLoopbackHttp(request)) return response;
  const headers = new Headers(response.headers);
  headers.delete("set-cookie");
  for (const cookie of cookies) headers.append("set-cookie", /;\s*secure\b/i.test(cookie) ? cookie : `${cookie}; Secure`);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

async function attemptedUsername(request: Request): Promise<string | null> {
  try {
    const body = (await request.clone().json()) as { username?: unknown };
    return typeof body.username === "string" ? body.username.trim().toLowerCase().slice(0, 64) : null;
  } catch {
    return null;
  }
}

/** better-auth's English errors, in the contract's envelope and in Chinese. */
async function translated(response: Response): Promise<Response> {
  if (response.ok || response.status < 400 || !response.headers.get("content-type")?.includes("json")) return response;
  const body = (await response.clone().json().catch(() => ({}))) as { code?: string; message?: string };
  if (response.status === 429) {
    const seconds = Number(response.headers.get("x-retry-after")) || 60;
    return apiError(429, "rate_limited", `登录尝试过于频繁，请 ${seconds} 秒后再试。`);
  }
  const known = body.code ? MESSAGES[body.code] : undefined;
  if (known) return apiError(response.status, known.code, known.message);
  return apiError(response.status, "auth_error", `登录服务出错（${body.message ?? response.status}），请稍后重试；如果一直如此，请联系管理员。`);
}

/** The session token lives in its httpOnly cookie only; page scripts never see it. */
async function withoutToken(response: Response): Promise<Response> {
  const { token: _token, ...body } = (await response.json()) as Record<string, unknown>;
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(body), { status: response.status, headers });
}

export async function handleAuthRequest(incoming: Request): Promise<Response> {
  // better-auth reads the body itself: it gets one already read within the size limit.
  const request = await withinBodyLimit(incoming);
  if (request instanceof Response) return request;
  return withErrors(async () => {
    const path = new URL(request.url).pathname.slice(BASE.length);
    // The identity provider posts back to its callback from its own site; everything else is ours.
    if (!path.startsWith(`/oauth2/callback/${OIDC_PROVIDER_ID}`)) assertSameOrigin(request);
    const auth = await authReady();
    const ip = clientIp(request);
    const signingOut = path === "/sign-out" ? await sessionUser(request.headers) : null;
    const username = path === SIGN_IN_PATH ? await attemptedUsername(request) : null;

    const response = await auth.handler(request);

    if (path === SIGN_IN_PATH && !response.ok) {
      recordAudit({
        actor: null,
        ip,
        action: "sign_in_failed",
        target: username,
        details: { status: response.status, ...(response.status === 429 ? { reason: "rate_limited" } : {}) },
      });
    }
    if (signingOut && response.ok) recordAudit({ actor: signingOut.username, ip, action: "sign_out" });
    return secureCookies(request, path === SIGN_IN_PATH && response.ok ? await withoutToken(response) : await translated(response));
  });
}
