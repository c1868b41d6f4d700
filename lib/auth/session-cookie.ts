// better-auth's session cookie (cookiePrefix "chuanbo"), and its __Secure- form should that ever be
// used: what proxy.ts looks for, and what tells an ended session from never having signed in.

export const SESSION_COOKIES = ["chuanbo.session_token", "__Secure-chuanbo.session_token"] as const;

/** Whether a Cookie header carries a session cookie with a value (valid or not). */
export function hasSessionCookie(cookieHeader: string | null): boolean {
  return (cookieHeader ?? "").split(";").some((pair) => {
    const [name, ...value] = pair.trim().split("=");
    return SESSION_COOKIES.some((cookie) => cookie === name) && value.join("=") !== "";
  });
}
