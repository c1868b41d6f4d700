import "server-only";
import { auth, type Auth } from "@/lib/server/auth/auth";
import { retireDemoAccounts, seedDemoAccounts } from "@/lib/server/auth/demo-accounts";
import { serverConfig } from "@/lib/server/config";
import { processSingleton, resetProcessSingleton } from "@/lib/server/singleton";

/** better-auth, with the demo accounts seeded on the simulator and retired otherwise (once per process). */
export function authReady(): Promise<Auth> {
  return processSingleton("auth-ready", () =>
    (async () => {
      const a = await auth();
      if (serverConfig().auth.demoAccounts) await seedDemoAccounts();
      else await retireDemoAccounts(a);
      return a;
    })().catch((error: unknown) => {
      // A failed start is tried again by the next request.
      resetProcessSingleton("auth-ready");
      throw error;
    }),
  );
}
