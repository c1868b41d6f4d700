import "server-only";
import { absoluteIconUrl, isLoopbackUrl } from "@/lib/pushes/icon-url";
import { authReady } from "@/lib/server/auth/ready";
import { ConfigError, requireAuthSecret, serverConfig } from "@/lib/server/config";
import { logger } from "@/lib/server/log";
import { options } from "@/lib/server/options";

/** Checks the configuration once at start-up; a bad one stops the server with a sentence saying what to fix. */
export function checkConfigurationOrExit(): void {
  try {
    requireAuthSecret(serverConfig());
    options();
    warnLoopbackIcons();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** On the real vendor, an icon at localhost reaches phones as an address they cannot load: say so at start. */
function warnLoopbackIcons(): void {
  const { upstream, consoleUrl } = serverConfig();
  if (upstream.mode !== "configured") return;
  for (const icon of options().icons) {
    const sent = absoluteIconUrl(icon.url, consoleUrl);
    if (!isLoopbackUrl(sent)) continue;
    const fix = sent === icon.url ? "请在选项文件中改用手机能访问的图片地址" : "请把 CONSOLE_URL 设为控制台对外的地址";
    console.warn(`警告：图标「${icon.name}」将以 ${sent} 发给传播通，这是本机地址，手机上打不开。${fix}。`);
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
export { startSessionSweep } from "@/lib/server/auth/session-sweep";
