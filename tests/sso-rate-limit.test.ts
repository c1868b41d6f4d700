import { betterAuth } from "better-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authOptions, CLIENT_ADDRESS_HEADER } from "@/lib/server/auth/auth";
import { parseServerConfig } from "@/lib/server/config";
import { openDatabase, type ConsoleDatabase } from "@/lib/server/db";
import { freshDatabase } from "./support/databases";

// Starting single sign-on is limited like a password sign-in (AUTH_SIGN_IN_LIMIT a minute from one
// address), not by better-auth's default for every /sign-in path (3 in 10 s): behind one proxy or
// NAT, a newsroom arriving at 9:00 would otherwise be turned away three at a time.

const URL_ = "http://127.0.0.1:3000";
let db: ConsoleDatabase;

beforeAll(async () => {
  db = await openDatabase(await freshDatabase("sqlite"));
});

afterAll(async () => {
  await db.close();
});

describe("the single sign-on start's rate limit", () => {
  it("lets AUTH_SIGN_IN_LIMIT starts a minute through from one address, and refuses the next", async () => {
    const config = parseServerConfig({
      AUTH_SECRET: "sso-rate-limit-test-secret-0123456789",
      CONSOLE_URL: URL_,
      AUTH_SIGN_IN_LIMIT: "8",
      // Nothing listens there: the start fails after the limiter, which is all this looks at.
      OIDC_DISCOVERY_URL: "http://127.0.0.1:9/.well-known/openid-configuration",
      OIDC_CLIENT_ID: "console",
      OIDC_CLIENT_SECRET: "secret",
    });
    const auth = betterAuth(authOptions(config, db));
    const start = (address: string) =>
      auth.handler(
        new Request(`${URL_}/api/auth/sign-in/social`, {
          method: "POST",
          headers: { "content-type": "application/json", [CLIENT_ADDRESS_HEADER]: address },
          body: JSON.stringify({ provider: "oidc", callbackURL: "/", errorCallbackURL: "/sign-in?sso=failed", disableRedirect: true }),
        }),
      );
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await start("10.1.2.3")).status);
    expect(statuses.slice(0, 8).filter((status) => status === 429)).toEqual([]);
    expect(statuses[8]).toBe(429);
    // Another address has its own count.
    expect((await start("10.1.2.4")).status).not.toBe(429);
  });
});
