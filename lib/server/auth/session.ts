import "server-only";
import { headers as requestHeaders } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache, type ReactNode } from "react";
import { can, type Capability } from "@/lib/auth/roles";
import { safeNext } from "@/lib/auth/safe-next";
import { hasSessionCookie } from "@/lib/auth/session-cookie";
import { SESSION_ENDED } from "@/lib/auth/session-ended";
import { clientIp, recordAudit } from "@/lib/server/audit";
import { AccessError } from "@/lib/server/auth/errors";
import { authReady } from "@/lib/server/auth/ready";
import { assertSameOrigin } from "@/lib/server/auth/same-origin";
import { userOfCookie, type SessionUser } from "@/lib/server/auth/session-token";
import { consoleDatabase } from "@/lib/server/db";
import { notePageUser } from "@/lib/server/log";
import { processSingleton, resetProcessSingleton } from "@/lib/server/singleton";

// The one check every route handler and server component makes for itself (never trusting
// proxy.ts alone): who is asking, may they, and, for a state-changing request, did it come from
// one of this console's own pages.

export type { SessionUser };

/** The request header proxy.ts sets with the page's path and query, so sign-in can send people back. */
export const PATH_HEADER = "x-console-path";

/** better-auth's cookie name and signing secret, as it resolved them (read once). */
const sessionCookie = () =>
  processSingleton("session-cookie", () =>
    authReady()
      .then((auth) => auth.$context)
      .then((context) => ({ name: context.authCookies.sessionToken.name, secret: context.secret }))
      .catch((error: unknown) => {
        // A failed start is tried again by the next request (as authReady does).
        resetProcessSingleton("session-cookie");
        throw error;
      }),
  );

/**
 * The signed-in user for these request headers, or null. What better-auth's getSession would
 * answer (a live session of a user not disabled), without its cost: see session-token.ts.
 */
export async function sessionUser(headers: Headers): Promise<SessionUser | null> {
  return userOfCookie(await consoleDatabase(), headers.get("cookie"), await sessionCookie());
}

/**
 * The signed-in user of the page being rendered: read once per request, however many server
 * components ask (the console's layout for its menu, then the page for its own check).
 */
export const pageSessionUser = cache(async (): Promise<SessionUser | null> => {
  const headers = await requestHeaders();
  const user = await sessionUser(headers);
  if (user) notePageUser(headers, user.username);
  return user;
});

/** Why a user is refused what `need` allows, in the words the API and the 403 page both use. */
export const DENIED: Record<Capability, string> = {
  browse: "你的账号还没有分配角色，暂时不能使用控制台。请联系管理员为你分配角色。",
  send: "只有编辑可以创建和发送推送。如需发送，请联系管理员为你分配「编辑」角色。",
  approve: "只有审核人可以审批推送。如需审批，请联系管理员为你分配「审核人」角色。",
  settle: "只有编辑或审核人可以核实结果不明的推送。",
  admin: "只有管理员可以管理用户和查看审计日志。",
};

/** For route handlers: the user, or an AccessError (401 / 403 / 415) that withErrors answers. */
export async function requireUser(request: Request, need: Capability = "browse"): Promise<SessionUser> {
  assertSameOrigin(request);
  const user = await sessionUser(request.headers);
  if (!user) throw new AccessError(401, "unauthenticated", `未登录或${SESSION_ENDED}，请重新登录。`);
  if (!can(user.roles, need)) {
    await recordAudit({
      actor: user.username,
      ip: clientIp(request),
      action: "access_denied",
      target: new URL(request.url).pathname,
      details: { method: request.method, need },
    });
    throw new AccessError(403, "forbidden", DENIED[need]);
  }
  return user;
}

/** To /sign-in, with the page this request was for as `next`, and `expired=1` when it carried a session that has ended. */
export function redirectToSignIn(headers: Headers): never {
  const expired = hasSessionCookie(headers.get("cookie")) ? "&expired=1" : "";
  redirect(`/sign-in?next=${encodeURIComponent(safeNext(headers.get(PATH_HEADER)))}${expired}`);
}

/** Whether this page request is for the sign-in page itself (or, with no path from proxy.ts, cannot be told apart from it). */
export function isSignInPage(headers: Headers): boolean {
  const path = headers.get(PATH_HEADER);
  return path === null || new URL(path, "http://console.invalid").pathname === "/sign-in";
}

/** For pages (server components): the user; signed out → /sign-in?next=…; lacking the role → 403 page. */
export async function requirePageUser(need: Capability = "browse"): Promise<SessionUser> {
  const user = await pageSessionUser();
  if (!user) redirectToSignIn(await requestHeaders());
  if (!can(user.roles, need)) forbidden();
  return user;
}

/**
 * The layout of a segment with a loading skeleton: it checks the role above the skeleton. In the page
 * the check would come after the skeleton's 200 had gone out, and a refusal could no longer be a 403.
 */
export function roleLayout(need: Capability = "browse") {
  return async function RoleLayout({ children }: { children: ReactNode }) {
    await requirePageUser(need);
    return children;
  };
}
