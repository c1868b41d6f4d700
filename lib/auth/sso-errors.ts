// What the sign-in page says when single sign-on comes back to it: better-auth appends `error=<code>`
// (and an English `error_description`, never shown: anyone can put text in an address) to
// /sign-in?sso=failed. Only codes named here get their own words; any other code gets the general one.

const RETRY = "请回到本页重新点击单点登录按钮；如果一直如此，请联系管理员。";
const STALE = `单点登录没有完成：这次登录的请求已失效、已用过或被改动。${RETRY}`;
const SETUP = "请联系管理员检查单点登录的配置（见 README「单点登录」）。";

export const SSO_FAILED = `单点登录没有成功。${RETRY}`;

const MESSAGES = new Map<string, string>([
  // The admin plugin refuses the session of a disabled user.
  ["BANNED_USER", "这个账号已被停用。如需恢复，请联系管理员。"],
  ["state_not_found", STALE],
  ["state_mismatch", STALE],
  ["state_invalid", STALE],
  ["state_security_mismatch", STALE],
  ["invalid_code", STALE],
  ["no_code", STALE],
  // The person said no at the identity provider, or it refused them.
  ["access_denied", "统一身份认证没有授权这次登录，控制台没有登录。如需使用控制台，请联系管理员。"],
  ["login_required", "统一身份认证要求先在那里登录。请重新点击单点登录按钮。"],
  // The provider's email belongs to a console account already signed in another way.
  ["account_not_linked", "统一身份认证提供的邮箱已属于控制台的另一个账号，没有登录。请联系管理员处理。"],
  ["USERNAME_IS_ALREADY_TAKEN", "统一身份认证提供的用户名已被控制台的另一个账号使用，没有登录。请联系管理员处理。"],
  ["email_not_found", `统一身份认证没有提供该用户的邮箱（需要 email 范围），没有登录。${SETUP}`],
  ["unable_to_get_user_info", `没有从统一身份认证取得该用户的信息，没有登录。${SETUP}`],
  ["issuer_mismatch", `统一身份认证的签发方与配置不符，没有登录。${SETUP}`],
  ["issuer_missing", `统一身份认证的签发方与配置不符，没有登录。${SETUP}`],
  ["oauth_provider_not_found", `单点登录暂时不可用：控制台连不上统一身份认证。${SETUP}`],
]);

/** The sign-in page's message for its `sso` and `error` query values, or null when there is nothing to say. */
export function ssoFailureMessage(sso: unknown, error: unknown): string | null {
  const code = typeof error === "string" ? error : undefined;
  if (code !== undefined && MESSAGES.has(code)) return MESSAGES.get(code)!;
  return sso === "failed" || code !== undefined ? SSO_FAILED : null;
}
