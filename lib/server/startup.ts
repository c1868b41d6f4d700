import "server-only";
import { authReady } from "@/lib/server/auth/ready";
import { ConfigError, requireAuthSecret, serverConfig } from "@/lib/server/config";
import { logger } from "@/lib/server/log";
import { options } from "@/lib/server/options";

/** Checks the configuration once at start-up; a bad one stops the server with a sentence saying what to fix. */
export function checkConfigurationOrExit(): void {
  try {
    requireAuthSecret(serverConfig());
    options();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/**
 * Accounts before the first request: demo accounts seeded on the simulator, and retired (disabled,
 * passwordless, signed out, audited, logged) on every start with a real upstream. If that cannot be
 * done, the server does not start: a demo account must never work against the real vendor.
 */
export async function prepareAccountsOrExit(): Promise<void> {
  try {
    await authReady();
  } catch (error) {
    logger().fatal({ err: error }, "账号准备失败，控制台无法启动（演示账号须先停用）");
    process.exit(1);
  }
}

export { startPushSweep } from "@/lib/server/pushes/sweep";
export { startScheduler } from "@/lib/server/pushes/scheduler";
