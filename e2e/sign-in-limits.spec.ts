import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "./support/auth";
import { startConsole, type ConsoleProcess } from "./support/console-process";
import { audit, call, signIn } from "./support/from-address";

// Sign-in limits and the audit log see the caller's real address, not whatever X-Forwarded-For says;
// a username that keeps failing waits, whether or not the account exists. Each test has its own
// console (low limits), and callers on different loopback addresses (127.0.0.2, …).

const wrong = (url: string, username: string, { from = "127.0.0.1", xff }: { from?: string; xff?: string } = {}) =>
  call(`${url}/api/auth/sign-in/username`, {
    method: "POST",
    from,
    headers: xff === undefined ? {} : { "x-forwarded-for": xff },
    body: { username, password: "not-the-password" },
  });

test.describe("without TRUSTED_PROXIES", () => {
  let console_: ConsoleProcess;
  test.beforeAll(async () => {
    console_ = await startConsole("sign-in-xff", { env: { AUTH_SIGN_IN_LIMIT: "5", AUTH_ACCOUNT_FAILURE_LIMIT: "1000" } });
  });
  test.afterAll(async () => console_?.stop());

  test("30 wrong passwords, each with a different forged X-Forwarded-For, meet the per-address limit", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      const answer = await wrong(console_.url, `guess-${i}`, { from: "127.0.0.3", xff: `198.51.100.${i + 1}` });
      statuses.push(answer.status);
      if (answer.status === 429)
        expect(answer.json().error).toMatchObject({ code: "rate_limited", message: expect.stringContaining("登录尝试过于频繁") });
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual(Array(25).fill(429));
  });

  test("successful sign-ins never count: more than the limit sign in from one address, and its failures still get the limit", async () => {
    const signIns = [];
    for (let i = 0; i < 8; i += 1)
      signIns.push(
        (
          await call(`${console_.url}/api/auth/sign-in/username`, {
            method: "POST",
            from: "127.0.0.6",
            body: { username: "demo-editor", password: DEMO_PASSWORD },
          })
        ).status,
      );
    expect(signIns).toEqual(Array(8).fill(200));
    const statuses = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await wrong(console_.url, `after-success-${i}`, { from: "127.0.0.6" })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // It waits until its oldest failure is a minute old, and is told how long.
    const waiting = await wrong(console_.url, "after-success-x", { from: "127.0.0.6" });
    const seconds = Number(waiting.headers["retry-after"]);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(waiting.json().error).toMatchObject({ code: "rate_limited", message: `登录尝试过于频繁，请 ${seconds} 秒后再试。` });
  });

  test("30 wrong passwords at once from one address get no more than the limit through to the password check", async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => wrong(console_.url, `burst-${i}`, { from: "127.0.0.7" })));
    expect(answers.filter((answer) => answer.status === 401)).toHaveLength(5);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(25);
  });

  test("failures sent 'from' a forged 127.0.0.1 lock out only their real sender", async () => {
    for (let i = 0; i < 8; i += 1) await wrong(console_.url, `lockout-${i}`, { from: "127.0.0.2", xff: "127.0.0.1" });
    expect((await wrong(console_.url, "lockout-x", { from: "127.0.0.2", xff: "127.0.0.1" })).status).toBe(429);
    // The real 127.0.0.1 has not failed once: it signs in.
    const real = await call(`${console_.url}/api/auth/sign-in/username`, {
      method: "POST",
      body: { username: "demo-editor", password: DEMO_PASSWORD },
    });
    expect(real.status).toBe(200);
  });

  test("the audit log records the caller's real address, not the one it made up", async () => {
    const forged = { "10.7.7.7": `forged-a-${Date.now()}`, "=1+2": `forged-b-${Date.now()}` };
    for (const [xff, username] of Object.entries(forged))
      expect((await wrong(console_.url, username, { from: "127.0.0.4", xff })).status).toBe(401);
    const signedIn = await call(`${console_.url}/api/auth/sign-in/username`, {
      method: "POST",
      from: "127.0.0.4",
      headers: { "x-forwarded-for": "10.8.8.8" },
      body: { username: "demo-supervisor", password: DEMO_PASSWORD },
    });
    expect(signedIn.status).toBe(200);

    const admin = await signIn(console_.url, "demo-admin", DEMO_PASSWORD);
    for (const username of Object.values(forged)) {
      expect(await audit(console_.url, admin, `action=sign_in_failed&target=${username}`)).toEqual([
        expect.objectContaining({ ip: "127.0.0.4", details: { status: 401 } }),
      ]);
    }
    expect(await audit(console_.url, admin, "action=sign_in&actor=demo-supervisor")).toEqual([
      expect.objectContaining({ ip: "127.0.0.4" }),
    ]);
  });
});

test("with TRUSTED_PROXIES=127.0.0.1 the proxy's client hop is the address; an undeclared caller's X-Forwarded-For is not", async () => {
  const proxied = await startConsole("sign-in-trusted-proxy", { env: { TRUSTED_PROXIES: "127.0.0.1", AUTH_SIGN_IN_LIMIT: "3" } });
  try {
    // Through the "proxy" (127.0.0.1): what the client prepended is ignored, the proxy's hop is used.
    expect((await wrong(proxied.url, "via-proxy", { xff: "10.1.1.1, 203.0.113.7" })).status).toBe(401);
    // Straight from 127.0.0.2, which is no proxy: its X-Forwarded-For is its own invention.
    expect((await wrong(proxied.url, "not-via-proxy", { from: "127.0.0.2", xff: "203.0.113.9" })).status).toBe(401);
    // The per-address limit counts per client hop: one client waits, the next does not.
    for (let i = 0; i < 3; i += 1) expect((await wrong(proxied.url, `hop-${i}`, { xff: "203.0.113.20" })).status).toBe(401);
    expect((await wrong(proxied.url, "hop-3", { xff: "203.0.113.20" })).status).toBe(429);
    expect((await wrong(proxied.url, "hop-4", { xff: "203.0.113.21" })).status).toBe(401);
    // An IPv6 client counts by its /64: a new address for each guess does not start a new count.
    for (let i = 1; i <= 3; i += 1) expect((await wrong(proxied.url, `v6-${i}`, { xff: `2001:db8:5:6::${i}` })).status).toBe(401);
    expect((await wrong(proxied.url, "v6-4", { xff: "2001:db8:5:6:abcd::4" })).status).toBe(429);
    expect((await wrong(proxied.url, "v6-5", { xff: "2001:db8:5:7::1" })).status).toBe(401);
    const ok = await call(`${proxied.url}/api/auth/sign-in/username`, {
      method: "POST",
      headers: { "x-forwarded-for": "203.0.113.8" },
      body: { username: "demo-editor", password: DEMO_PASSWORD },
    });
    expect(ok.status).toBe(200);

    const admin = await signIn(proxied.url, "demo-admin", DEMO_PASSWORD, "127.0.0.5");
    expect(await audit(proxied.url, admin, "target=via-proxy")).toEqual([expect.objectContaining({ ip: "203.0.113.7" })]);
    expect(await audit(proxied.url, admin, "target=not-via-proxy")).toEqual([expect.objectContaining({ ip: "127.0.0.2" })]);
    expect(await audit(proxied.url, admin, "action=sign_in&actor=demo-editor")).toEqual([expect.objectContaining({ ip: "203.0.113.8" })]);
  } finally {
    await proxied.stop();
  }
});

test.describe("the per-account limit", () => {
  let console_: ConsoleProcess;
  test.beforeAll(async () => {
    console_ = await startConsole("sign-in-account-limit", { env: { AUTH_ACCOUNT_FAILURE_LIMIT: "3", AUTH_SIGN_IN_LIMIT: "1000" } });
  });
  test.afterAll(async () => console_?.stop());

  test("answers an existing and a made-up username alike, from any address, and even the right password waits", async () => {
    const answers = [];
    for (const username of ["demo-editor", "no-such-person"]) {
      for (let i = 0; i < 3; i += 1) expect((await wrong(console_.url, username, { from: `127.0.0.${10 + i}` })).status).toBe(401);
      const refused = await wrong(console_.url, username, { from: "127.0.0.20" });
      expect(refused.status).toBe(429);
      answers.push({ status: refused.status, body: refused.json(), retryAfter: refused.headers["retry-after"] });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]!.body.error).toEqual({
      code: "rate_limited",
      message: expect.stringContaining("这个用户名近 15 分钟内登录失败的次数过多"),
    });

    const rightPassword = await call(`${console_.url}/api/auth/sign-in/username`, {
      method: "POST",
      from: "127.0.0.21",
      body: { username: "demo-editor", password: DEMO_PASSWORD },
    });
    expect(rightPassword.status).toBe(429);
    expect(rightPassword.json()).toEqual(answers[0]!.body);

    const admin = await signIn(console_.url, "demo-admin", DEMO_PASSWORD);
    expect(await audit(console_.url, admin, "action=sign_in_failed&target=no-such-person")).toEqual([
      expect.objectContaining({ ip: "127.0.0.20", details: { status: 429, reason: "account_limited" } }),
      ...Array(3).fill(expect.objectContaining({ details: { status: 401 } })),
    ]);
  });

  test("30 wrong passwords at once get no more than the limit through to the password check", async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => wrong(console_.url, "demo-supervisor", { xff: `198.51.100.${i + 1}` })),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 401)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(27);
  });
});
