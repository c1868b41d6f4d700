import "server-only";
import * as z from "zod/mini";

// The one module that reads process.env. Everything else asks it.

const SIMULATOR_CONNECT_NO = "sandbox-connect-no";

const optionalText = z.optional(z.pipe(z.string(), z.transform((v) => v.trim() || undefined)));

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
  CHUANBO_DATABASE_PATH: z._default(z.string(), "data/console.sqlite"),
  GROUPS_CACHE_TTL_MS: positiveInt("GROUPS_CACHE_TTL_MS", 60_000),
  GROUPS_FETCH_PAGE_SIZE: positiveInt("GROUPS_FETCH_PAGE_SIZE", 100),
  GROUPS_FETCH_CONCURRENCY: positiveInt("GROUPS_FETCH_CONCURRENCY", 4),
  PORT: positiveInt("PORT", 3000),
});

export type Upstream =
  | { mode: "simulator"; baseUrl: string; connectNo: string }
  | { mode: "configured"; baseUrl: string; connectNo: string };

export type ServerConfig = {
  upstream: Upstream;
  tenantId: string | undefined;
  signingSecret: string | undefined;
  timeoutMs: number;
  optionsFile: string;
  databasePath: string;
  groupsCacheTtlMs: number;
  groupsFetchPageSize: number;
  groupsFetchConcurrency: number;
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
  return {
    upstream,
    tenantId: e.CHUANBO_TENANT_ID,
    signingSecret: e.CHUANBO_SIGNING_SECRET,
    timeoutMs: e.CHUANBO_TIMEOUT_MS,
    optionsFile: e.CHUANBO_OPTIONS_FILE,
    databasePath: e.CHUANBO_DATABASE_PATH,
    groupsCacheTtlMs: e.GROUPS_CACHE_TTL_MS,
    groupsFetchPageSize: e.GROUPS_FETCH_PAGE_SIZE,
    groupsFetchConcurrency: e.GROUPS_FETCH_CONCURRENCY,
  };
}

let cached: ServerConfig | undefined;

export function serverConfig(): ServerConfig {
  cached ??= parseServerConfig(process.env);
  return cached;
}
