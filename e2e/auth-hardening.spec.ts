import { createServer } from "node:http";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signInOnPage } from "./support/auth";
import { startConsole } from "./support/console-process";
import { call, signIn } from "./support/from-address";
import type { AddressInfo } from "node:net";

// What sign-in leaves open: where it sends people afterwards, which of better-auth's endpoints
// answer, whether a script can read the session token, every page's CSP, and signed-out pages.

const SIGNED_OUT = { cookies: [], origins: [] };

test.describe("signed out", () => {
  test.use({ storageState: SIGNED_OUT });

  test("after signing in through the page with a hostile next, the browser stays on this console", async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    for (const next of [
      "%2F%09%2Fexample.com%2Fpwn",
      "%2F%2Fexample.com",
      "https%3A%2F%2Fexample.com",
      "%2F%5Cexample.com",
      "%2F.%2F%2Fexample.com",
      "%2F%0A%2Fexample.com",
    ]) {
      await page.context().clearCookies();
      await page.goto(`/sign-in?next=${next}`);
      await signInOnPage(page, "demo-editor");
      await expect(page, next).toHaveURL((url) => url.pathname === "/" && !url.search);
      expect(new URL(page.url()).origin, next).toBe(origin);
    }
    // A safe next is still honoured.
    await page.context().clearCookies();
    await page.goto("/sign-in?next=%2Fhistory%3Fstatus%3Dsent");
    await signInOnPage(page, "demo-editor");
    await expect(page).toHaveURL(/\/history\?status=sent$/);
  });

  test("a newline in next is no server error, signed out or signed in", async ({ request, page }) => {
    expect((await request.get("/sign-in?next=%0A")).status()).toBe(200);
    expect((await request.get("/sign-in?next=%2F%0Ahttps%3A%2F%2Fexample.com")).status()).toBe(200);
    await page.goto("/sign-in");
    await signInOnPage(page, "demo-editor");
    await expect(page).toHaveURL((url) => url.pathname === "/" && !url.search);
    // Signed in, /sign-in sends people on to next at once.
    const response = await page.goto("/sign-in?next=%2F%0Aexample.com");
    expect(response!.status()).toBe(200);
    await expect(page).toHaveURL((url) => url.pathname === "/" && !url.search);
  });

  test("a signed-out page request gets 307 to /sign-in; sign-in, the API, the simulator and files do not", async ({ request, baseURL }) => {
    for (const [path, next] of [
      ["/groups", "/groups"],
      ["/compose", "/compose"],
      ["/history", "/history"],
      ["/", "/"],
      ["/compose?groups=1,2", /^\/compose\?groups=1(,|%2C)2$/],
    ] as const) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(307);
      const location = new URL(response.headers().location!, baseURL);
      expect(location.pathname, path).toBe("/sign-in");
      if (typeof next === "string") expect(location.searchParams.get("next"), path).toBe(next);
      else expect(location.searchParams.get("next"), path).toMatch(next);
    }
    expect((await request.get("/groups", { maxRedirects: 0 })).headers().location).toMatch(/\/sign-in\?next=%2Fgroups$/);
    expect((await request.get("/sign-in", { maxRedirects: 0 })).status()).toBe(200);
    expect((await request.get("/api/groups", { maxRedirects: 0 })).status()).toBe(401);
    expect((await request.get("/simulator/control", { maxRedirects: 0 })).status()).toBe(200);
    expect((await request.get("/icons/news.svg", { maxRedirects: 0 })).status()).toBe(200);
    const html = await (await request.get("/sign-in")).text();
    const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1]!;
    expect((await request.get(script, { maxRedirects: 0 })).status()).toBe(200);
  });

  test("with a session cookie that names no session, a loading page ends on /sign-in, which never reloads itself", async ({
    page,
    baseURL,
  }) => {
    await page.context().addCookies([{ name: "chuanbo.session_token", value: "bogus.c2lnbmF0dXJl", url: baseURL! }]);
    // Every document load, from the first request on: arriving must take exactly one.
    let loads = 0;
    page.on("load", () => (loads += 1));
    await page.goto("/groups");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fgroups&expired=1$/);
    await page.getByLabel("用户名").fill("typed-by-hand");
    // Long enough for a meta refresh (Next's is one second) to have fired.
    await page.waitForTimeout(3000);
    await expect(page.getByLabel("用户名")).toHaveValue("typed-by-hand");
    expect(loads).toBe(1);
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fgroups&expired=1$/);
  });
});

test("page requests marked as prefetches carry the CSP like any other", async ({ request }) => {
  const variants: Record<string, string>[] = [{ "next-router-prefetch": "1" }, { purpose: "prefetch" }, { "sec-purpose": "prefetch" }, {}];
  for (const headers of variants) {
    const response = await request.get("/groups", { headers });
    expect(response.headers()["content-type"], JSON.stringify(headers)).toContain("text/html");
    expect(response.headers()["content-security-policy"], JSON.stringify(headers)).toMatch(/script-src 'self' 'nonce-[^']+'/);
  }
});

test("only the endpoints the console uses answer; the rest are 404 and change nothing; no answer carries a token", async () => {
  const own = await startConsole("auth-paths");
  try {
    const cookie = await signIn(own.url, "demo-editor", DEMO_PASSWORD);
    const token = decodeURIComponent(cookie.split("=")[1]!).split(".")[0]!;
    const post = (path: string, body: unknown = {}) => call(`${own.url}/api/auth${path}`, { method: "POST", headers: { cookie }, body });

    const refused = {
      "/change-password": await post("/change-password", {
        currentPassword: DEMO_PASSWORD,
        newPassword: "changed-by-script-1",
        revokeOtherSessions: true,
      }),
      "/verify-password": await post("/verify-password", { password: DEMO_PASSWORD }),
      "/set-password": await post("/set-password", { newPassword: "changed-by-script-2" }),
      "/update-user": await post("/update-user", { name: "改过的名字" }),
      "/revoke-session": await post("/revoke-session", { token }),
      "/revoke-sessions": await post("/revoke-sessions"),
      "/revoke-other-sessions": await post("/revoke-other-sessions"),
      "/update-session": await post("/update-session", {}),
      "/sign-up/email": await post("/sign-up/email", { email: "x@example.com", password: "long-enough-pw", name: "x" }),
      "/sign-in/email": await post("/sign-in/email", { email: "demo-editor@users.chuanbo.invalid", password: DEMO_PASSWORD }),
      "/is-username-available": await post("/is-username-available", { username: "demo-admin" }),
      "/sign-in/social": await post("/sign-in/social", { provider: "oidc", callbackURL: "/" }),
      "/admin/set-role": await post("/admin/set-role", { userId: "x", role: "admin" }),
      "GET /list-sessions": await call(`${own.url}/api/auth/list-sessions`, { headers: { cookie } }),
      "GET /list-accounts": await call(`${own.url}/api/auth/list-accounts`, { headers: { cookie } }),
      "GET /ok": await call(`${own.url}/api/auth/ok`),
      "GET /error": await call(`${own.url}/api/auth/error`),
      "GET /sign-in/username": await call(`${own.url}/api/auth/sign-in/username`),
      "POST /get-session": await post("/get-session"),
    };
    for (const [what, answer] of Object.entries(refused)) {
      expect(answer.status, what).toBe(404);
      expect(answer.json().error, what).toEqual({ code: "not_found", message: expect.any(String) });
    }

    // Nothing changed: the password, the name and the session are as they were.
    const session = await call(`${own.url}/api/auth/get-session`, { headers: { cookie } });
    expect(session.status).toBe(200);
    const body = session.json();
    expect(body.user).toMatchObject({ username: "demo-editor", name: "演示编辑" });
    expect(session.text).not.toContain(token);
    const keys = (value: unknown): string[] =>
      value && typeof value === "object" ? Object.entries(value).flatMap(([key, inner]) => [key, ...keys(inner)]) : [];
    expect(keys(body).filter((key) => /token/i.test(key))).toEqual([]);

    const again = await call(`${own.url}/api/auth/sign-in/username`, {
      method: "POST",
      body: { username: "demo-editor", password: DEMO_PASSWORD },
    });
    expect(again.status).toBe(200);
    expect(again.text).not.toMatch(/token/i);
  } finally {
    await own.stop();
  }
});

test("single sign-on starts through /sign-in/social and comes back to /callback/oidc; a failed return lands on the sign-in page", async ({
  browser,
}) => {
  // Just enough of an identity provider for the console to build its sign-on address.
  const idp = createServer((req, res) => {
    const base = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
    if (req.url === "/.well-known/openid-configuration") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          issuer: base,
          authorization_endpoint: `${base}/authorize`,
          token_endpoint: `${base}/token`,
          userinfo_endpoint: `${base}/userinfo`,
        }),
      );
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end("<title>身份认证</title>");
  });
  await new Promise<void>((resolve) => idp.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  const sso = await startConsole("auth-sso", {
    env: {
      OIDC_DISCOVERY_URL: `${issuer}/.well-known/openid-configuration`,
      OIDC_CLIENT_ID: "console",
      OIDC_CLIENT_SECRET: "secret",
      OIDC_NAME: "测试认证",
    },
  });
  try {
    const context = await browser.newContext({ storageState: SIGNED_OUT, baseURL: sso.url });
    const page = await context.newPage();
    await page.goto("/sign-in?next=%2Fhistory");
    await page.getByRole("button", { name: "使用测试认证登录" }).click();
    await expect(page).toHaveURL(new RegExp(`^${issuer}/authorize\\?`));
    const authorize = new URL(page.url());
    expect(authorize.searchParams.get("redirect_uri")).toBe(`${sso.url}/api/auth/callback/oidc`);
    expect(authorize.searchParams.get("client_id")).toBe("console");
    // The provider sends the person back with a state the console never issued: back to sign-in, told so.
    await page.goto(`/api/auth/callback/oidc?code=made-up&state=${authorize.searchParams.get("state")}x`);
    await expect(page).toHaveURL(/\/sign-in\?sso=failed/);
    await expect(page.getByText(/单点登录没有完成：这次登录的请求已失效/)).toBeVisible();
    await context.close();
  } finally {
    await sso.stop();
    idp.close();
  }
});
