import "server-only";
import { betterAuth, type BetterAuthOptions } from "better-auth";
import { admin } from "better-auth/plugins/admin";
import { adminAc, userAc } from "better-auth/plugins/admin/access";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { username } from "better-auth/plugins/username";
import { DISPLAY_NAME_MAX, USERNAME_RULE } from "@/lib/auth/user-schema";
import { recordAudit } from "@/lib/server/audit";
import { requireAuthSecret, serverConfig, type ServerConfig } from "@/lib/server/config";
import { consoleDatabase, type ConsoleDatabase } from "@/lib/server/db";
import { processSingleton, resetProcessSingleton } from "@/lib/server/singleton";

// better-auth, configured for this console: username sign-in, roles through the admin plugin
// (comma-separated in user.role), optional OIDC single sign-on, tables in the console's own database.

export const SIGN_IN_PATH = "/sign-in/username";
export const OIDC_PROVIDER_ID = "oidc";
/**
 * The request header better-auth reads the caller's address from (rate limits, session records).
 * handler.ts sets it from lib/server/client-address.ts after deleting any copy a client sent.
 */
export const CLIENT_ADDRESS_HEADER = "x-console-client-address";
/** better-auth needs an email per user; these accounts have none, so each gets a name that cannot be delivered. */
export const placeholderEmail = (name: string) => `${name}@users.chuanbo.invalid`;

async function usernameOf({ db }: ConsoleDatabase, userId: string): Promise<string> {
  const row = await db.selectFrom("user").select(["username", "email"]).where("id", "=", userId).executeTakeFirst();
  return row?.username ?? row?.email ?? userId;
}

export function authOptions(config: ServerConfig, cdb: ConsoleDatabase) {
  const { auth } = config;
  const oidc = auth.oidc;
  return {
    appName: "传播通控制台",
    secret: requireAuthSecret(config),
    // Without a configured public address, each request's own host is the origin better-auth trusts.
    baseURL: auth.publicUrl ?? { allowedHosts: ["*"], protocol: "auto" },
    basePath: "/api/auth",
    // In transactions, as better-auth uses a connection it opens itself: a first single sign-on
    // writes its user and its account together, or neither.
    database: { db: cdb.db, type: cdb.dialect, transaction: true },
    telemetry: { enabled: false },
    // A single sign-on account is found by the provider's subject only, never joined to a console
    // account by email: the provider's email claim could otherwise name any console account.
    account: { accountLinking: { enabled: false } },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10, maxPasswordLength: 128 },
    session: {
      expiresIn: auth.sessionHours * 3600,
      // A fixed lifetime from sign-in: a shift, not a sliding window that never ends.
      disableSessionRefresh: true,
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 300,
      customRules: {
        // Password sign-in: the console's own limits (lib/server/auth/account-limit.ts), which count
        // failures in a true minute; better-auth's would count successes too, in a window that each
        // request extends, and lock out a newsroom signing in one by one behind one address.
        [SIGN_IN_PATH]: false,
        // Starting single sign-on: the same limit, not better-auth's default for /sign-in/* (3 in
        // 10 s per address), which turns away a newsroom arriving together behind one proxy.
        "/sign-in/social": { window: 60, max: auth.signInLimitPerMinute },
      },
    },
    // handler.ts lets only sign-in, sign-out, the session read and single sign-on through; this is the
    // second lock on the rest. Users are managed through /api/admin (audited), never self-service.
    disabledPaths: [
      ...[
        "/sign-in/email",
        "/sign-up/email",
        "/change-email",
        "/change-password",
        "/verify-password",
        "/set-password",
        "/delete-user",
        "/delete-user/callback",
        "/update-user",
        "/update-session",
        "/list-sessions",
        "/revoke-session",
        "/revoke-sessions",
        "/revoke-other-sessions",
        "/list-accounts",
        "/account-info",
        "/link-social",
        "/unlink-account",
        "/get-access-token",
        "/refresh-token",
        "/send-verification-email",
        "/verify-email",
        "/request-password-reset",
        "/reset-password",
        "/is-username-available",
        "/error",
        "/ok",
      ],
      ...[
        "set-role",
        "get-user",
        "create-user",
        "update-user",
        "list-users",
        "list-user-sessions",
        "unban-user",
        "ban-user",
        "impersonate-user",
        "stop-impersonating",
        "revoke-user-session",
        "revoke-user-sessions",
        "remove-user",
        "set-user-password",
        "has-permission",
      ].map((name) => `/admin/${name}`),
    ],
    // A failed single sign-on comes back to the sign-in page, not to better-auth's own error page.
    onAPIError: { errorURL: "/sign-in?sso=failed" },
    advanced: {
      cookiePrefix: "chuanbo",
      // Secure is added per response (see route handler): every host but a loopback one over http.
      useSecureCookies: false,
      // handler.ts applies the console's one same-origin rule to every POST here first; better-auth's
      // own check would also refuse a script's sign-in that carries a cookie jar but no Origin.
      disableCSRFCheck: true,
      // Never X-Forwarded-For itself: a client writes what it likes there (lib/server/client-address.ts).
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    databaseHooks: {
      session: {
        create: {
          after: async (session, context) => {
            // The address handler.ts decided, as it wrote it (better-auth's copy is its own rate-limit form).
            const ip = context?.headers?.get(CLIENT_ADDRESS_HEADER) ?? (session.ipAddress || null);
            await recordAudit({ actor: await usernameOf(cdb, session.userId), ip, action: "sign_in", details: {} });
          },
        },
      },
    },
    plugins: [
      username({
        minUsernameLength: 2,
        maxUsernameLength: 32,
        usernameValidator: (name) => USERNAME_RULE.test(name),
      }),
      admin({
        roles: { admin: adminAc, editor: userAc, supervisor: userAc },
        // New accounts (single sign-on) get only the roles the deployment names; an admin adds the rest.
        defaultRole: oidc?.defaultRoles ?? "",
        bannedUserMessage: "这个账号已被停用。如需恢复，请联系管理员。",
      }),
      ...(oidc
        ? [
            genericOAuth({
              config: [
                {
                  providerId: OIDC_PROVIDER_ID,
                  name: oidc.name,
                  discoveryUrl: oidc.discoveryUrl,
                  clientId: oidc.clientId,
                  clientSecret: oidc.clientSecret,
                  scopes: ["openid", "profile", "email"],
                  pkce: true,
                  mapProfileToUser: (profile) => {
                    const preferred = typeof profile.preferred_username === "string" ? profile.preferred_username.toLowerCase() : "";
                    const name = USERNAME_RULE.test(preferred) ? preferred : undefined;
                    // The identity provider's name is shown everywhere: capped like a name an admin types.
                    const display = Array.from(String(profile.name ?? preferred))
                      .slice(0, DISPLAY_NAME_MAX)
                      .join("");
                    return { name: display, username: name, displayUsername: name };
                  },
                },
              ],
            }),
          ]
        : []),
    ],
  } satisfies BetterAuthOptions;
}

const createAuth = (cdb: ConsoleDatabase) => betterAuth(authOptions(serverConfig(), cdb));

export type Auth = ReturnType<typeof createAuth>;

/** The one better-auth instance of this server process, on the process's database. */
export const auth = (): Promise<Auth> =>
  processSingleton("auth", () =>
    consoleDatabase()
      .then(createAuth)
      .catch((error: unknown) => {
        resetProcessSingleton("auth");
        throw error;
      }),
  );
