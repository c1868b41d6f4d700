import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, STATE, signInOnPage } from "./support/auth";

// Sign-in, sign-out, roles on pages and on the API, CSRF and security headers.

const SIGNED_OUT = { cookies: [], origins: [] };

test.describe("signed out", () => {
  test.use({ storageState: SIGNED_OUT });

  for (const [username, nav, hidden] of [
    ["demo-editor", ["用户组", "创建推送", "推送记录"], ["待审批", "用户管理"]],
    ["demo-supervisor", ["用户组", "推送记录", "待审批"], ["创建推送", "用户管理"]],
    ["demo-admin", ["用户组", "用户管理", "审计日志"], ["创建推送", "待审批"]],
  ] as const) {
    test(`${username} signs in, sees what the role allows, and signs out`, async ({ page }) => {
      await page.goto("/history");
      await expect(page).toHaveURL(/\/sign-in\?next=%2Fhistory$/);
      await expect(page.getByRole("heading", { name: "模拟环境演示账号" })).toBeVisible();
      await signInOnPage(page, username);
      await expect(page).toHaveURL(/\/history$/);
      const menu = page.getByRole("navigation", { name: "主导航" });
      for (const label of nav) await expect(menu.getByRole("link", { name: label })).toBeVisible();
      for (const label of hidden) await expect(menu.getByRole("link", { name: label })).toHaveCount(0);

      const cookie = (await page.context().cookies()).find((c) => c.name === "chuanbo.session_token");
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });

      await page.getByRole("button", { name: "退出登录" }).click();
      await expect(page).toHaveURL(/\/sign-in\?signed_out=1$/);
      await expect(page.getByText("已退出登录。")).toBeVisible();
      await page.goto("/groups");
      await expect(page).toHaveURL(/\/sign-in\?next=%2Fgroups$/);
    });
  }

  test("a wrong password and an unknown name are refused alike, with a Chinese message", async ({ page }) => {
    await page.goto("/sign-in");
    await signInOnPage(page, "demo-editor", "not-the-password");
    await expect(page.getByRole("form", { name: "登录" }).getByRole("alert")).toHaveText("用户名或密码错误，请检查后重试。");
    await expect(page).toHaveURL(/\/sign-in$/);
    // A name that does not exist is told exactly the same.
    await page.getByLabel("用户名").fill("no-such-user");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page.getByRole("form", { name: "登录" }).getByRole("alert")).toHaveText("用户名或密码错误，请检查后重试。");
  });

  test("an unauthenticated API call gets 401 in the contract's envelope, and a page redirects to sign-in", async ({ request, page }) => {
    for (const path of ["/api/groups", "/api/pushes", "/api/options", "/api/approvals", "/api/audit", "/api/admin/users"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(401);
      expect((await response.json()).error).toMatchObject({
        code: "unauthenticated",
        message: expect.stringContaining("未登录或登录已失效"),
      });
    }
    const post = await request.post("/api/pushes", { data: {}, headers: { "idempotency-key": crypto.randomUUID() } });
    expect(post.status()).toBe(401);
    // Monitoring and the simulator's control stay open.
    expect((await request.get("/api/health")).status()).toBe(200);
    expect((await request.get("/simulator/control")).status()).toBe(200);

    await page.goto("/compose?groups=1,2");
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    // Next normalizes the comma to %2C; either way the query survives the round trip.
    expect(new URL(page.url()).searchParams.get("next")).toMatch(/^\/compose\?groups=1(,|%2C)2$/);
  });
});

test.describe("a supervisor", () => {
  test.use({ storageState: STATE.supervisor });

  test("sees no compose action, gets 403 on /compose, and is refused by the API directly", async ({ page, request }) => {
    await page.goto("/groups");
    await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "创建推送" })).toHaveCount(0);
    const response = await page.goto("/compose");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "没有权限" })).toBeVisible();

    const refused = await request.post("/api/pushes", {
      data: { name: "x", section_id: 90, chuanbo_type_id: 38, notify_way: 3, chuanbo_group: [101], voice_content: "x" },
      headers: { "idempotency-key": crypto.randomUUID() },
    });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error).toEqual({ code: "forbidden", message: expect.stringContaining("只有编辑可以创建和发送推送") });
    expect((await request.get("/api/admin/users")).status()).toBe(403);
    expect((await request.get("/api/groups")).status()).toBe(200);
  });
});

test("a cross-site post and a text/plain post are refused", async ({ request }) => {
  const body = { name: "x", section_id: 90, chuanbo_type_id: 38, notify_way: 3, chuanbo_group: [101], voice_content: "x" };
  const crossSite = await request.post("/api/pushes", {
    form: { name: "x" },
    headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site", "idempotency-key": crypto.randomUUID() },
  });
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).error.message).toContain("跨站请求伪造");

  const foreignOrigin = await request.post("/api/pushes", {
    data: body,
    headers: { origin: "https://evil.example", "idempotency-key": crypto.randomUUID() },
  });
  expect(foreignOrigin.status()).toBe(403);

  const plain = await request.post("/api/pushes", {
    data: JSON.stringify(body),
    headers: { "content-type": "text/plain", "idempotency-key": crypto.randomUUID() },
  });
  expect(plain.status()).toBe(415);

  const signIn = await request.post("/api/auth/sign-in/username", {
    data: { username: "demo-editor", password: DEMO_PASSWORD },
    headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  });
  expect(signIn.status()).toBe(403);
});

test("pages carry a nonce CSP without unsafe-inline scripts, and the other security headers", async ({ page }) => {
  const response = await page.goto("/groups");
  const headers = response!.headers();
  const csp = headers["content-security-policy"]!;
  const scripts = csp.split(";").find((part) => part.trim().startsWith("script-src"))!;
  expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scripts).not.toContain("unsafe-inline");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  // The app still runs under it: client navigation works.
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "推送记录" }).click();
  await expect(page).toHaveURL(/\/history$/);
});
