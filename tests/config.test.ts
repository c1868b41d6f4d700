import { describe, expect, it } from "vitest";
import { ConfigError, parseServerConfig } from "@/lib/server/config";

describe("server configuration", () => {
  it("uses the built-in simulator when no upstream is configured", () => {
    const config = parseServerConfig({});
    expect(config.upstream).toMatchObject({ mode: "simulator", baseUrl: "http://127.0.0.1:3000/simulator" });
    expect(config.timeoutMs).toBe(10_000);
    expect(parseServerConfig({ PORT: "4100" }).upstream.baseUrl).toBe("http://127.0.0.1:4100/simulator");
  });

  it("reads a configured upstream, trimming a trailing slash", () => {
    const config = parseServerConfig({
      CHUANBO_BASE_URL: "https://precms.example.com/",
      CHUANBO_CONNECT_NO: "abc",
      CHUANBO_TENANT_ID: "6",
      CHUANBO_TIMEOUT_MS: "2500",
    });
    expect(config.upstream).toEqual({ mode: "configured", baseUrl: "https://precms.example.com", connectNo: "abc" });
    expect(config.tenantId).toBe("6");
    expect(config.timeoutMs).toBe(2500);
  });

  it("says in Chinese what is wrong, every problem at once", () => {
    expect(() => parseServerConfig({ CHUANBO_BASE_URL: "https://x.example.com" })).toThrow(/没有 CHUANBO_CONNECT_NO/);
    try {
      parseServerConfig({ CHUANBO_BASE_URL: "ftp://x", CHUANBO_TIMEOUT_MS: "soon" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toContain("CHUANBO_BASE_URL 不是有效的 http(s) 地址");
      expect((error as Error).message).toContain("CHUANBO_TIMEOUT_MS 必须是正整数");
    }
  });

  describe("OIDC_DEFAULT_ROLES", () => {
    const oidc = {
      OIDC_DISCOVERY_URL: "https://idp.example.com/.well-known/openid-configuration",
      OIDC_CLIENT_ID: "c",
      OIDC_CLIENT_SECRET: "s",
    };

    it.each([
      ["supervisor", "supervisor"],
      [" editor , supervisor ", "supervisor,editor"],
      ["editor,editor", "editor"],
      ["", ""],
    ])("%j gives a first sign-on the roles %j", (value, roles) => {
      expect(parseServerConfig({ ...oidc, OIDC_DEFAULT_ROLES: value }).auth.oidc?.defaultRoles).toBe(roles);
    });

    it.each(["Supervisor", "editors", "审核人", "editor;supervisor", "user", "admin,root"])(
      "refuses %j in Chinese, naming the roles there are",
      (value) => {
        expect(() => parseServerConfig({ ...oidc, OIDC_DEFAULT_ROLES: value })).toThrow(
          /OIDC_DEFAULT_ROLES[\s\S]*supervisor、editor、admin/,
        );
      },
    );
  });

  it.each([
    [{}, "info", undefined],
    [{ LOG_LEVEL: " Debug " }, "debug", undefined],
    [{ LOG_LEVEL: "silent" }, "silent", undefined],
    [{ METRICS_TOKEN: "0123456789abcdef" }, "info", "0123456789abcdef"],
  ])("LOG_LEVEL and METRICS_TOKEN: %j", (env, level, token) => {
    const config = parseServerConfig(env);
    expect(config.logLevel).toBe(level);
    expect(config.metricsToken).toBe(token);
  });

  it.each([
    [{ LOG_LEVEL: "verbose" }, /LOG_LEVEL 须是 fatal、error、warn、info、debug、trace、silent 之一，现在是「verbose」/],
    [{ LOG_LEVEL: "info,debug" }, /LOG_LEVEL 须是/],
    [{ METRICS_TOKEN: "short" }, /METRICS_TOKEN 至少要 16 个字符/],
    [{ METRICS_TOKEN: "x".repeat(15) }, /METRICS_TOKEN 至少要 16 个字符/],
  ])("refuses %j", (env, message) => {
    expect(() => parseServerConfig(env)).toThrow(message);
  });
});
