import "server-only";
import * as z from "zod/mini";
import { formatRoles, parseRoles, ROLES } from "@/lib/auth/roles";

// The one module that reads process.env. Everything else asks it.

const SIMULATOR_CONNECT_NO = "sandbox-connect-no";
/** Only ever signs sessions of a console on the simulator, whose accounts are public demo ones anyway. */
const SIMULATOR_AUTH_SECRET = "sandbox-auth-secret-not-for-real-use-0000";

const optionalText = z.optional(
  z.pipe(
    z.string(),
    z.transform((v) => v.trim() || undefined),
  ),
);

const positiveInt = (name: string, fallback: number) =>
  z.pipe(
    z.optional(z.string()),
    z.transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === "") return fallback;
      const value = Number(raw);
      if (!Number.isInteger(value) || value <= 0) {
        ctx.issues.push({ code: "custom", input: raw, message: `${name} 必须是正整数（毫秒或个数），现在是「${raw}」。` });
        return z.NEVER;
      }
      return value;
    }),
  );

/** Minutes, fractions allowed (drills and tests use seconds' worth). */
const positiveMinutes = (name: string, fallback: number) =>
  z.pipe(
    z.optional(z.string()),
    z.transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === "") return fallback;
      const value = Number(raw);
      if (!Number.isFinite(value) || value <= 0) {
        ctx.issues.push({ code: "custom", input: raw, message: `${name} 必须是大于 0 的分钟数（可以带小数），现在是「${raw}」。` });
        return z.NEVER;
      }
      return value;
    }),
  );

const envSchema = z.object({
  CHUANBO_BASE_URL: z.optional(
    z.pipe(
      z.string(),
      z.transform((raw, ctx) => {
        const trimmed = raw.trim();
        if (trimmed === "") return undefined;
        try {
          const url = new URL(trimmed);
          if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("protocol");
          return trimmed.replace(/\/+$/, "");
        } catch {
          ctx.issues.push({ code: "custom", input: raw, message: `CHUANBO_BASE_URL 不是有效的 http(s) 地址：「${raw}」。` });
          return z.NEVER;
        }
      }),
    ),
  ),
  CHUANBO_CONNECT_NO: optionalText,
  CHUANBO_TENANT_ID: optionalText,
  CHUANBO_SIGNING_SECRET: optionalText,
  CHUANBO_TIMEOUT_MS: positiveInt("CHUANBO_TIMEOUT_MS", 10_000),
  CHUANBO_OPTIONS_FILE: z._default(z.string(), "config/options.sample.json"),
  CHUANBO_DATABASE_PATH: optionalText,
  DATABASE_URL: z.optional(
    z.pipe(
      z.string(),
      z.transform((raw, ctx) => {
        const trimmed = raw.trim();
        if (trimmed === "") return undefined;
        if (/^postgres(ql)?:\/\//.test(trimmed)) return trimmed;
        ctx.issues.push({
          code: "custom",
          input: "",
          message:
            "DATABASE_URL 必须是 postgres:// 或 postgresql:// 开头的 PostgreSQL 地址；不设置则使用 SQLite 文件（CHUANBO_DATABASE_PATH）。",
        });
        return z.NEVER;
      }),
    ),
  ),
  GROUPS_CACHE_TTL_MS: positiveInt("GROUPS_CACHE_TTL_MS", 60_000),
  GROUPS_FETCH_PAGE_SIZE: positiveInt("GROUPS_FETCH_PAGE_SIZE", 100),
  GROUPS_FETCH_CONCURRENCY: positiveInt("GROUPS_FETCH_CONCURRENCY", 4),
  GROUPS_FAILURE_BACKOFF_MS: positiveInt("GROUPS_FAILURE_BACKOFF_MS", 10_000),
  PORT: positiveInt("PORT", 3000),
  AUTH_SECRET: optionalText,
  CONSOLE_URL: optionalText,
  AUTH_SESSION_HOURS: positiveInt("AUTH_SESSION_HOURS", 12),
  AUTH_SIGN_IN_LIMIT: positiveInt("AUTH_SIGN_IN_LIMIT", 20),
  OIDC_DISCOVERY_URL: optionalText,
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  OIDC_NAME: optionalText,
  OIDC_DEFAULT_ROLES: optionalText,
  PUSH_HOURLY_LIMIT: positiveInt("PUSH_HOURLY_LIMIT", 60),
  PUSH_MAX_REACH: positiveInt("PUSH_MAX_REACH", 100_000),
  TRUSTED_PROXIES: optionalText,
  AUTH_ACCOUNT_FAILURE_LIMIT: positiveInt("AUTH_ACCOUNT_FAILURE_LIMIT", 10),
  AUTH_ACCOUNT_FAILURE_WINDOW_MINUTES: positiveInt("AUTH_ACCOUNT_FAILURE_WINDOW_MINUTES", 15),
  SCHEDULE_MIN_LEAD_SECONDS: positiveInt("SCHEDULE_MIN_LEAD_SECONDS", 120),
  SCHEDULE_GRACE_MINUTES: positiveMinutes("SCHEDULE_GRACE_MINUTES", 10),
  NOTIFICATIONS_POLL_SECONDS: positiveInt("NOTIFICATIONS_POLL_SECONDS", 30),
  LOG_LEVEL: optionalText,
  METRICS_TOKEN: optionalText,
});

/** pino's levels; `silent` logs nothing. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The default database file by mode: a console on the simulator keeps its demo accounts and pretend
 * pushes in a file of its own, so a later start against the real vendor never opens them.
 */
export const DEFAULT_DATABASE_PATH = { simulator: "data/simulator.sqlite", configured: "data/console.sqlite" } as const;

/** One address or CIDR block of TRUSTED_PROXIES, as written (checked by client-address.ts). */
const PROXY_ENTRY = /^(?:[0-9.]+|[0-9a-f:.]+)(?:\/\d{1,3})?$/i;

export type Upstream =
  { mode: "simulator"; baseUrl: string; connectNo: string } | { mode: "configured"; baseUrl: string; connectNo: string };

export type Oidc = { discoveryUrl: string; clientId: string; clientSecret: string; name: string; defaultRoles: string };

export type AuthConfig = {
  /** Signs session cookies. The simulator has a fixed one; a real deployment must set its own (see requireAuthSecret). */
  secret: string | undefined;
  /** The console's public address, when known (OIDC callbacks need it); otherwise taken from each request. */
  publicUrl: string | undefined;
  sessionHours: number;
  /** Sign-in attempts allowed per minute from one address. */
  signInLimitPerMinute: number;
  /** Failed sign-ins allowed for one username within the window, before that username waits. */
  accountFailureLimit: number;
  accountFailureWindowMinutes: number;
  oidc: Oidc | undefined;
  /** Demo accounts for each role, shown on the sign-in page: only with the simulator. */
  demoAccounts: boolean;
};

export type ServerConfig = {
  upstream: Upstream;
  tenantId: string | undefined;
  signingSecret: string | undefined;
  timeoutMs: number;
  optionsFile: string;
  databasePath: string;
  /** PostgreSQL for everything the console keeps (DATABASE_URL); unset, the SQLite file at databasePath. */
  databaseUrl: string | undefined;
  /** Addresses / CIDR blocks of the reverse proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES). */
  trustedProxies: string[];
  groupsCacheTtlMs: number;
  groupsFetchPageSize: number;
  groupsFetchConcurrency: number;
  /** How long a failed first crawl is said to every visitor before one may start another (重试 starts one at once). */
  groupsFailureBackoffMs: number;
  auth: AuthConfig;
  /** The console's address for what others load from it (the options file's icons): CONSOLE_URL, else this machine's PORT. */
  consoleUrl: string;
  limits: { pushesPerUserPerHour: number; maxReachPerPush: number };
  /** How often each open page asks GET /api/notifications (tests use a second). */
  notificationsPollMs: number;
  /** 定时发送: the least lead a scheduled push needs, and how late a due push may still go out. */
  schedule: { minLeadSeconds: number; graceMs: number };
  logLevel: LogLevel;
  /** The bearer token that reads GET /api/metrics; unset: the route is 404. */
  metricsToken: string | undefined;
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Exported for tests: parse any environment into a config, or throw a ConfigError listing every problem. */
export function parseServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const parsed = z.safeParse(envSchema, env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `- ${issue.message}`);
    throw new ConfigError(`配置有误，控制台无法启动：\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  let upstream: Upstream;
  if (e.CHUANBO_BASE_URL) {
    if (!e.CHUANBO_CONNECT_NO) {
      throw new ConfigError(
        "配置有误，控制台无法启动：\n- 设置了 CHUANBO_BASE_URL 却没有 CHUANBO_CONNECT_NO。请填入传播通线下提供的 connectNo，或去掉 CHUANBO_BASE_URL 改用内置模拟环境。",
      );
    }
    upstream = { mode: "configured", baseUrl: e.CHUANBO_BASE_URL, connectNo: e.CHUANBO_CONNECT_NO };
  } else {
    // The simulator is served by this same server under /simulator, so the real client talks HTTP to it.
    upstream = {
      mode: "simulator",
      baseUrl: `http://127.0.0.1:${e.PORT}/simulator`,
      connectNo: e.CHUANBO_CONNECT_NO ?? SIMULATOR_CONNECT_NO,
    };
  }
  const problems: string[] = [];
  if (e.AUTH_SECRET !== undefined && e.AUTH_SECRET.length < 32) {
    problems.push("- AUTH_SECRET 至少要 32 个字符，可用 `openssl rand -base64 32` 生成。");
  }
  if (e.CONSOLE_URL && !/^https?:\/\/[^/]+/.test(e.CONSOLE_URL)) {
    problems.push(`- CONSOLE_URL 须是控制台对外的 http(s) 地址，例如 https://chuanbo.example.com，现在是「${e.CONSOLE_URL}」。`);
  }
  const oidcSet = [e.OIDC_DISCOVERY_URL, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidcSet > 0 && oidcSet < 3) {
    problems.push("- 单点登录需要同时设置 OIDC_DISCOVERY_URL、OIDC_CLIENT_ID 和 OIDC_CLIENT_SECRET；不用单点登录就三个都不设。");
  }
  // A misspelt role would give every first sign-on no role at all, silently.
  const unknownRoles = (e.OIDC_DEFAULT_ROLES ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name && !(ROLES as readonly string[]).includes(name));
  if (unknownRoles.length > 0) {
    problems.push(`- OIDC_DEFAULT_ROLES 须是逗号分隔的角色名 ${ROLES.join("、")}，这些不认识：${unknownRoles.join("、")}。`);
  }
  const trustedProxies = (e.TRUSTED_PROXIES ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const badProxies = trustedProxies.filter((entry) => !PROXY_ENTRY.test(entry));
  if (badProxies.length > 0) {
    problems.push(`- TRUSTED_PROXIES 须是逗号分隔的 IP 地址或网段（如 10.0.0.5,172.18.0.0/16），这些看不懂：${badProxies.join("、")}。`);
  }
  const logLevel = (e.LOG_LEVEL ?? "info").toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(`- LOG_LEVEL 须是 ${LOG_LEVELS.join("、")} 之一，现在是「${e.LOG_LEVEL}」。`);
  }
  if (e.METRICS_TOKEN !== undefined && e.METRICS_TOKEN.length < 16) {
    problems.push("- METRICS_TOKEN 至少要 16 个字符，可用 `openssl rand -hex 24` 生成；不开放监控指标就不设。");
  }
  if (problems.length > 0) throw new ConfigError(`配置有误，控制台无法启动：\n${problems.join("\n")}`);
  const oidc =
    e.OIDC_DISCOVERY_URL && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
      ? {
          discoveryUrl: e.OIDC_DISCOVERY_URL,
          clientId: e.OIDC_CLIENT_ID,
          clientSecret: e.OIDC_CLIENT_SECRET,
          name: e.OIDC_NAME ?? "单位统一身份认证",
          defaultRoles: formatRoles(parseRoles(e.OIDC_DEFAULT_ROLES)),
        }
      : undefined;
  return {
    upstream,
    tenantId: e.CHUANBO_TENANT_ID,
    signingSecret: e.CHUANBO_SIGNING_SECRET,
    timeoutMs: e.CHUANBO_TIMEOUT_MS,
    optionsFile: e.CHUANBO_OPTIONS_FILE,
    databasePath: e.CHUANBO_DATABASE_PATH ?? DEFAULT_DATABASE_PATH[upstream.mode],
    databaseUrl: e.DATABASE_URL,
    trustedProxies,
    groupsCacheTtlMs: e.GROUPS_CACHE_TTL_MS,
    groupsFetchPageSize: e.GROUPS_FETCH_PAGE_SIZE,
    groupsFetchConcurrency: e.GROUPS_FETCH_CONCURRENCY,
    groupsFailureBackoffMs: e.GROUPS_FAILURE_BACKOFF_MS,
    auth: {
      secret: e.AUTH_SECRET ?? (upstream.mode === "simulator" ? SIMULATOR_AUTH_SECRET : undefined),
      publicUrl: e.CONSOLE_URL?.replace(/\/+$/, ""),
      sessionHours: e.AUTH_SESSION_HOURS,
      signInLimitPerMinute: e.AUTH_SIGN_IN_LIMIT,
      accountFailureLimit: e.AUTH_ACCOUNT_FAILURE_LIMIT,
      accountFailureWindowMinutes: e.AUTH_ACCOUNT_FAILURE_WINDOW_MINUTES,
      oidc,
      demoAccounts: upstream.mode === "simulator",
    },
    consoleUrl: e.CONSOLE_URL?.replace(/\/+$/, "") ?? `http://localhost:${e.PORT}`,
    limits: { pushesPerUserPerHour: e.PUSH_HOURLY_LIMIT, maxReachPerPush: e.PUSH_MAX_REACH },
    schedule: { minLeadSeconds: e.SCHEDULE_MIN_LEAD_SECONDS, graceMs: Math.round(e.SCHEDULE_GRACE_MINUTES * 60_000) },
    notificationsPollMs: e.NOTIFICATIONS_POLL_SECONDS * 1000,
    logLevel: logLevel as LogLevel,
    metricsToken: e.METRICS_TOKEN,
  };
}

/** The session-signing secret; a console on the real upstream refuses to start without its own. */
export function requireAuthSecret(config: ServerConfig): string {
  if (config.auth.secret) return config.auth.secret;
  throw new ConfigError(
    "配置有误，控制台无法启动：\n- 连接真实传播通时必须设置 AUTH_SECRET（至少 32 个字符的随机串，可用 `openssl rand -base64 32` 生成），用来签发登录会话。",
  );
}

let cached: ServerConfig | undefined;

export function serverConfig(): ServerConfig {
  cached ??= parseServerConfig(process.env);
  return cached;
}
