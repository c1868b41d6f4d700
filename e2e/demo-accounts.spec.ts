import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { TEST_CONNECT_NO, VENDOR_URL } from "../playwright.config";
import { DEMO_PASSWORD } from "./support/auth";
import { startConsole, type ConsoleProcess } from "./support/console-process";

// A database first used on the simulator holds demo accounts with a public password. Started
// against a real upstream, the console must retire them before anyone can use them.

const DEMOS = ["demo-admin", "demo-editor", "demo-editor2", "demo-supervisor"];
// The same session secret in both modes: an old cookie is refused because its session ended, not
// because it can no longer be verified.
const AUTH_SECRET = "demo-retirement-test-secret-0123456789abcdef";
const REAL = { CHUANBO_BASE_URL: VENDOR_URL, CHUANBO_CONNECT_NO: TEST_CONNECT_NO, AUTH_SECRET };

/** fetch, once more on a new connection when a kept-alive one was closed by the server's idle timeout meanwhile. */
async function send(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== "UND_ERR_SOCKET") throw error;
    return fetch(url, init);
  }
}

async function signIn(console: ConsoleProcess, username: string, password: string) {
  const response = await send(`${console.url}/api/auth/sign-in/username`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { status: response.status, body: (await response.json()) as { error?: { code: string } }, cookie };
}

const get = (console: ConsoleProcess, path: string, cookie: string) => send(`${console.url}${path}`, { headers: { cookie } });

test("a start against the real upstream retires the simulator's demo accounts: no sign-in, old sessions end, audited and logged", async () => {
  test.setTimeout(180_000);
  const consoles: ConsoleProcess[] = [];
  try {
    const sim = await startConsole("demo-sandbox", { env: { AUTH_SECRET } });
    consoles.push(sim);
    expect(await (await send(`${sim.url}/sign-in`)).text()).toContain("demo-admin");
    const demo = await signIn(sim, "demo-admin", DEMO_PASSWORD);
    expect(demo.status).toBe(200);
    expect((await get(sim, "/api/admin/users", demo.cookie)).status).toBe(200);
    await sim.stop();

    const real = await startConsole("demo-real", { database: sim.database, env: REAL });
    consoles.push(real);
    expect(real.log()).toMatch(/已停用演示账号 .*demo-admin/);
    for (const username of DEMOS) {
      const attempt = await signIn(real, username, DEMO_PASSWORD);
      expect(attempt.status, username).toBe(401);
      expect(attempt.body.error?.code, username).toBe("invalid_credentials");
    }
    const old = await get(real, "/api/admin/users", demo.cookie);
    expect(old.status).toBe(401);
    expect(((await old.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");

    // An operator's admin, made with the CLI as on any real install, reads the audit log.
    const env = { ...process.env, ...REAL, CHUANBO_DATABASE_PATH: real.database };
    const cli = ["--conditions=react-server", "scripts/user.ts", "add", "real-admin", "--role", "admin", "--password", "offline-admin-pw1"];
    execFileSync("node_modules/.bin/tsx", cli, { env, stdio: "pipe" });
    const admin = await signIn(real, "real-admin", "offline-admin-pw1");
    expect(admin.status).toBe(200);
    const audit = (await (await get(real, "/api/audit?action=demo_account_retired", admin.cookie)).json()) as {
      records: Array<{ actor: string; target: string }>;
    };
    expect(audit.records.map((entry) => entry.target).sort()).toEqual(DEMOS);
    expect(new Set(audit.records.map((entry) => entry.actor))).toEqual(new Set(["system:startup"]));
    const users = (await (await get(real, "/api/admin/users", admin.cookie)).json()) as {
      records: Array<{ username: string; disabled: boolean }>;
    };
    for (const username of DEMOS) expect(users.records.find((user) => user.username === username)?.disabled, username).toBe(true);
    await real.stop();

    // Back on the simulator, the same database keeps them retired: it has served the real vendor.
    const again = await startConsole("demo-sandbox-again", { database: sim.database, env: { AUTH_SECRET } });
    consoles.push(again);
    expect(again.log()).toContain("演示账号已在控制台连接真实传播通时停用");
    expect((await signIn(again, "demo-admin", DEMO_PASSWORD)).status).toBe(401);
    // …and its sign-in page no longer offers them.
    const signInPage = await (await send(`${again.url}/sign-in`)).text();
    expect(signInPage).toContain("登录传播通控制台");
    expect(signInPage).not.toContain("demo-admin");
    expect((await signIn(again, "real-admin", "offline-admin-pw1")).status).toBe(200);
  } finally {
    for (const c of consoles) await c.stop();
  }
});
