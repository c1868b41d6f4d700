import "server-only";
import { clientIp, recordAudit } from "@/lib/server/audit";
import { reserveAddressAttempt, reserveAttempt, signInAddressKey } from "@/lib/server/auth/account-limit";
import { CLIENT_ADDRESS_HEADER, OIDC_PROVIDER_ID, SIGN_IN_PATH } from "@/lib/server/auth/auth";
import { authReady } from "@/lib/server/auth/ready";
import { assertSameOrigin } from "@/lib/server/auth/same-origin";
import { sessionUser } from "@/lib/server/auth/session";
import { serverConfig } from "@/lib/server/config";
import { consoleDatabase } from "@/lib/server/db";
import { apiError } from "@/lib/server/http";
import { metrics } from "@/lib/server/metrics";

// /api/auth/*: the few better-auth endpoints the console uses (sign-in, sign-out, session, OIDC),
// wrapped so that failures speak the contract's envelope in Chinese, sign-in failures and sign-outs
// are audited, better-auth sees the one decided client address, no answer carries a session token,
// and cookies are Secure everywhere but on a loopback address over plain http.

const BASE = "/api/auth";
const OIDC_CALLBACK = `/callback/${OIDC_PROVIDER_ID}`;

/** Path → methods the console's pages use. Everything else better-auth offers answers 404 here. */
function allowedMethods(path: string): readonly string[] {
  switch (path) {
    case SIGN_IN_PATH:
    case "/sign-out":
      return ["POST"];
    case "/get-session":
      return ["GET"];
  }
  if (!serverConfig().auth.oidc) return [];
  // Single sign-on: the form starts it; the identity provider comes back by GET (or POST, form_post).
  if (path === "/sign-in/social") return ["POST"];
  if (path === OIDC_CALLBACK) return ["GET", "POST"];
  return [];
}

const INVALID_CREDENTIALS = { code: "invalid_credentials", message: "用户名或密码错误，请检查后重试。" };
const MESSAGES: Record<string, { code: string; message: string }> = {
  INVALID_USERNAME_OR_PASSWORD: INVALID_CREDENTIALS,
  INVALID_USERNAME: INVALID_CREDENTIALS,
  USERNAME_TOO_SHORT: INVALID_CREDENTIALS,
  USERNAME_TOO_LONG: INVALID_CREDENTIALS,
  PASSWORD_TOO_SHORT: INVALID_CREDENTIALS,
  PASSWORD_TOO_LONG: INVALID_CREDENTIALS,
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

function attemptedUsername(body: string | undefined): string | null {
  try {
    const { username } = JSON.parse(body ?? "") as { username?: unknown };
    // No account's name holds U+0000 (and PostgreSQL could not even look one up): counted without it.
    return typeof username === "string" ? username.replaceAll("\0", "").trim().toLowerCase().slice(0, 64) : null;
  } catch {
    return null;
  }
}

/** better-auth's English errors, in the contract's envelope and in Chinese. */
async function translated(response: Response): Promise<Response> {
  if (response.ok || response.status < 400 || !response.headers.get("content-type")?.includes("json")) return response;
  const body = (await response
    .clone()
    .json()
    .catch(() => ({}))) as { code?: string; message?: string };
  if (response.status === 429) return addressLimited(Number(response.headers.get("x-retry-after")) || 60);
  const known = body.code ? MESSAGES[body.code] : undefined;
  if (known) return apiError(response.status, known.code, known.message);
  return apiError(
    response.status,
    "auth_error",
    `登录服务出错（${body.message ?? response.status}），请稍后重试；如果一直如此，请联系管理员。`,
  );
}

/** Drops every `token` (and `…Token`) field, at any depth. */
function stripTokens(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripTokens);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "token" && !key.endsWith("Token"))
      .map(([key, inner]) => [key, stripTokens(inner)]),
  );
}

/** Session tokens live in their httpOnly cookie only; page scripts never see one in an answer. */
async function withoutTokens(response: Response): Promise<Response> {
  if (!response.headers.get("content-type")?.includes("json")) return response;
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new Response(text, response);
  }
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(stripTokens(body)), { status: response.status, statusText: response.statusText, headers });
}

/** The request as better-auth gets it: with the decided client address, in the one header it reads. */
function forBetterAuth(request: Request, body: string | undefined, ip: string | null): Request {
  const headers = new Headers(request.headers);
  headers.delete(CLIENT_ADDRESS_HEADER);
  headers.delete("content-length");
  if (ip) headers.set(CLIENT_ADDRESS_HEADER, ip);
  return new Request(request.url, { method: request.method, headers, body, signal: request.signal });
}

function accountLimited(windowMinutes: number): Response {
  const response = apiError(
    429,
    "rate_limited",
    `这个用户名近 ${windowMinutes} 分钟内登录失败的次数过多，暂时不能登录。请 ${windowMinutes} 分钟后再试；如果忘记了密码，请联系管理员重置。`,
  );
  response.headers.set("retry-after", String(windowMinutes * 60));
  return response;
}

function addressLimited(seconds: number): Response {
  const response = apiError(429, "rate_limited", `登录尝试过于频繁，请 ${seconds} 秒后再试。`);
  response.headers.set("retry-after", String(seconds));
  return response;
}

/** For the sign-in failures metric: a wrong name or password is 401. */
const FAILURE_REASON: Record<number, string> = { 401: "password", 429: "rate_limited" };

/** /api/auth/*, after the route wrapper read the body (`text`) within the size limit. */
export async function handleAuthRequest(request: Request, body: string | undefined): Promise<Response> {
  const path = new URL(request.url).pathname.slice(BASE.length);
  if (!allowedMethods(path).includes(request.method)) {
    return apiError(404, "not_found", "控制台没有这个登录接口。");
  }
  // The identity provider posts back to its callback from its own site; everything else is ours.
  if (path !== OIDC_CALLBACK) assertSameOrigin(request);
  const auth = await authReady();
  const ip = clientIp(request);
  const signingOut = path === "/sign-out" ? await sessionUser(request.headers) : null;
  const signingIn = path === SIGN_IN_PATH;
  const username = signingIn ? attemptedUsername(body) : null;
  const { accountFailureLimit: limit, accountFailureWindowMinutes: windowMinutes, signInLimitPerMinute } = serverConfig().auth;
  // Both limits count failures, before the password is looked at: the same answer whether or not the name exists.
  const addressKey = signInAddressKey(ip);
  const failed = async (status: number, reason?: "rate_limited" | "account_limited") =>
    recordAudit({
      actor: null,
      ip,
      action: "sign_in_failed",
      target: username,
      details: { status, ...(reason ? { reason } : {}), ...(addressKey !== ip ? { address_key: addressKey } : {}) },
    });
  const fromAddress = signingIn ? await reserveAddressAttempt(await consoleDatabase(), addressKey, signInLimitPerMinute) : null;
  if (fromAddress && "waitSeconds" in fromAddress) {
    await failed(429, "rate_limited");
    metrics().signInFailures.inc({ reason: "rate_limited" });
    return addressLimited(fromAddress.waitSeconds);
  }
  let attempt: Awaited<ReturnType<typeof reserveAttempt>> = null;
  try {
    attempt = username === null ? null : await reserveAttempt(await consoleDatabase(), username, { limit, windowMinutes });
    if (username !== null && attempt === null) {
      await failed(429, "account_limited");
      metrics().signInFailures.inc({ reason: "account_limited" });
      return accountLimited(windowMinutes);
    }
    const response = await auth.handler(forBetterAuth(request, body, ip));
    if (signingIn && !response.ok) {
      metrics().signInFailures.inc({ reason: FAILURE_REASON[response.status] ?? "other" });
      await failed(response.status, response.status === 429 ? "rate_limited" : undefined);
    }
    if (signingOut && response.ok) await recordAudit({ actor: signingOut.username, ip, action: "sign_out" });
    return secureCookies(request, response.ok ? await withoutTokens(response) : await translated(response));
  } finally {
    await attempt?.release();
    await fromAddress?.release();
  }
}
