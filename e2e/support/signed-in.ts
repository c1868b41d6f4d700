import { request, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD } from "./auth";

// A request context signed in on a console: the global setup saves these for each role, and a test
// that starts a console of its own (startConsole) signs in there (the saved sessions do not apply;
// on the simulator its demo accounts are seeded there too).

export async function signedIn(baseURL: string, username: string, password = DEMO_PASSWORD): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL });
  const response = await context.post("/api/auth/sign-in/username", { data: { username, password } });
  if (!response.ok()) throw new Error(`sign-in of ${username} at ${baseURL} failed: ${response.status()} ${await response.text()}`);
  return context;
}

/**
 * Sessions on a console a test started: `as(username)` signs in there (again for each call), and
 * `disposeAll()` ends them all, for afterAll. `url` is read at each sign-in (the console may restart).
 */
export function sessionsOn(url: () => string) {
  const contexts: APIRequestContext[] = [];
  return {
    as: async (username: string) => {
      const context = await signedIn(url(), username);
      contexts.push(context);
      return context;
    },
    disposeAll: async () => {
      for (const context of contexts.splice(0)) await context.dispose();
    },
  };
}
