import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { STATE } from "./e2e/support/auth";
import { OUTPUT_DIR, serverSet, SETS } from "./e2e/support/server-set";

// Two consoles from one build: one on the built-in simulator (the product as a newcomer runs it),
// one configured against an independent fake vendor (to see exactly what crosses the wire).
// Each worker has its own three (e2e/support/server-set.ts): a worker loads this file too, so these
// addresses are its own set's; in the runner they are set 0's.
const own = serverSet();
export const SIM_URL = own.simUrl;
export const CONFIGURED_URL = own.configuredUrl;
export const VENDOR_URL = own.vendorUrl;
/** A credential value that must never show up anywhere but on the wire to the vendor. */
export const TEST_CONNECT_NO = "cn-test-5e1f0b9a77c4d2e8";
/** Text of pushes the logs test sends: like the credential, it must never reach a log at info level. */
export const TEST_PUSH_MARKER = "日志不应出现的推送内容-9c41e7";

const chromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  outputDir: OUTPUT_DIR,
  // A simulator holds state (faults, received pushes): each worker has its own servers, and a file's
  // tests run in order in one worker. Several workers overlap the tests that wait on real clocks.
  workers: SETS,
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
    storageState: STATE.editor,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    // A failed test's trace, to open with `npx playwright show-trace`. Not on CI: it keeps only its log
    // (a clean machine, no artifacts), and recording every test's trace costs about an eighth of the
    // run on two cores (every-page and history specs, one worker: 143-152 s without, 161-175 s with).
    trace: process.env.CI ? "off" : "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: existsSync(chromium)
      ? { executablePath: chromium, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] }
      : {},
  },
  // Every set's servers, started by the runner before any worker.
  webServer: Array.from({ length: SETS }, (_, index) => serverSet(index)).flatMap(({ ports, consoleDir, ...url }) => [
    {
      command: `node e2e/support/fake-vendor.mjs ${ports.vendor} ${TEST_CONNECT_NO}`,
      url: `${url.vendorUrl}/__requests`,
      reuseExistingServer: false,
    },
    {
      command: `node e2e/support/start-console.mjs sim ${ports.sim} ${consoleDir} ${TEST_CONNECT_NO}`,
      url: `${url.simUrl}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `node e2e/support/start-console.mjs configured ${ports.configured} ${consoleDir} ${TEST_CONNECT_NO} ${url.vendorUrl}`,
      url: `${url.configuredUrl}/api/options`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ]),
});
