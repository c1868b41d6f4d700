import "server-only";
import { ConfigError, requireAuthSecret, serverConfig } from "@/lib/server/config";
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

export { startPushSweep } from "@/lib/server/push-sweep";
