import { spawn, type ChildProcess } from "node:child_process";
import { freePort, startConsole, type ConsoleProcess } from "./console-process";
import type { Page } from "@playwright/test";

/** What the console's sign-in button names the provider. */
export const OIDC_NAME = "测试统一认证";

/** A console configured for single sign-on as the README says, and its own OpenID provider. */
export type SingleSignOn = { url: string; issuer: string; console: ConsoleProcess; stop(): Promise<void> };

type Provider = { issuer: string; discoveryUrl: string; clientId: string; clientSecret: string };

/** e2e/support/oidc-provider.mjs (oidc-provider, on loopback) in a process of its own, as an identity provider is. */
function startProvider(port: number, redirectUri: string): Promise<{ provider: Provider; process: ChildProcess }> {
  const child = spawn(process.execPath, ["e2e/support/oidc-provider.mjs", String(port), redirectUri], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n").find((text) => text.startsWith("{"));
      if (line)
        resolve({ provider: { issuer: `http://127.0.0.1:${port}`, ...(JSON.parse(line) as Omit<Provider, "issuer">) }, process: child });
    });
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`the OpenID provider exited with ${code}:\n${output}`)));
  });
}

/** A provider and a console named `name` configured for it, with CONSOLE_URL at its own address; `env` adds to that. */
export async function startSingleSignOn(name: string, env: Record<string, string> = {}): Promise<SingleSignOn> {
  const consolePort = await freePort();
  let opPort = await freePort();
  while (opPort === consolePort) opPort = await freePort();
  const url = `http://127.0.0.1:${consolePort}`;
  const { provider, process: opProcess } = await startProvider(opPort, `${url}/api/auth/callback/oidc`);
  const consoleProcess = await startConsole(name, {
    port: consolePort,
    env: {
      CONSOLE_URL: url,
      OIDC_DISCOVERY_URL: provider.discoveryUrl,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_NAME,
      ...env,
    },
  });
  return {
    url,
    issuer: provider.issuer,
    console: consoleProcess,
    async stop() {
      await consoleProcess.stop();
      opProcess.kill();
    },
  };
}

/** From a console page (signed out: the sign-in page) to the provider, and its login form filled in. */
export async function loginAtProvider(page: Page, at: SingleSignOn, login: string, from = "/sign-in") {
  await page.goto(`${at.url}${from}`);
  await page.waitForURL((url) => url.pathname === "/sign-in");
  // The button works once the page's script has run (a click before that does nothing).
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: `使用${OIDC_NAME}登录` }).click();
  await page.waitForURL(`${at.issuer}/**`);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password-at-all");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

/** From the console's sign-in page through the provider's login and consent pages, up to its redirect back. */
export async function throughProvider(page: Page, at: SingleSignOn, login: string, from?: string) {
  await loginAtProvider(page, at, login, from);
  await page.getByRole("button", { name: "Continue" }).click();
}

/** Signed on as `login`, back on the console. */
export async function signOn(page: Page, at: SingleSignOn, login: string, from?: string) {
  await throughProvider(page, at, login, from);
  await page.waitForURL((url) => url.origin === at.url);
}
