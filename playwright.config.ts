import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Two consoles from one build: one on the built-in simulator (the product as a newcomer runs it),
// one configured against an independent fake vendor (to see exactly what crosses the wire).
// E2E_PORT_BASE lets several checkouts run their tests side by side on one machine.
const base = Number(process.env.E2E_PORT_BASE ?? 3100);
export const SIM_URL = `http://127.0.0.1:${base}`;
export const CONFIGURED_URL = `http://127.0.0.1:${base + 1}`;
export const VENDOR_URL = `http://127.0.0.1:${base + 2}`;
/** A credential value that must never show up anywhere but on the wire to the vendor. */
export const TEST_CONNECT_NO = "cn-test-5e1f0b9a77c4d2e8";
/** Text of pushes the logs test sends: like the credential, it must never reach a log at info level. */
export const TEST_PUSH_MARKER = "日志不应出现的推送内容-9c41e7";

const chromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/artifacts",
  // One simulator holds shared state (faults, received pushes): tests run one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  // Signs each role in once; tests run as the editor unless they say otherwise (e2e/support/auth.ts).
  globalSetup: "./e2e/support/global-setup.ts",
  use: {
    baseURL: SIM_URL,
    storageState: "test-results/auth/demo-editor.json",
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: existsSync(chromium)
      ? { executablePath: chromium, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] }
      : {},
  },
  webServer: [
    {
      command: `node e2e/support/fake-vendor.mjs ${base + 2} ${TEST_CONNECT_NO}`,
      url: `${VENDOR_URL}/__requests`,
      reuseExistingServer: false,
    },
    {
      command: `node e2e/support/start-console.mjs sim ${base} ${TEST_CONNECT_NO}`,
      url: `${SIM_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `node e2e/support/start-console.mjs configured ${base + 1} ${TEST_CONNECT_NO} ${VENDOR_URL}`,
      url: `${CONFIGURED_URL}/api/options`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
