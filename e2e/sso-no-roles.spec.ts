import { expect, test } from "@playwright/test";
import { signOn, startSingleSignOn, type SingleSignOn } from "./support/sso";

// Single sign-on as the README configures it unless told otherwise: without OIDC_DEFAULT_ROLES a
// first sign-on creates a user with no roles until an admin assigns some. Every console page then
// answers 403 and says why (pages with a loading skeleton too: the check comes before it), and the
// user can still sign out.

let sso: SingleSignOn;

test.use({ storageState: { cookies: [], origins: [] } });

test.beforeAll(async () => {
  sso = await startSingleSignOn("sso-no-roles");
});

test.afterAll(async () => {
  await sso?.stop();
});

test("a user with no roles yet gets 403 and the reason on every page, and can still sign out", async ({ page }) => {
  await signOn(page, sso, "xu-jun", "/history");
  await expect(page.getByText("未分配角色")).toBeVisible();
  for (const path of [
    "/",
    "/history",
    "/history/1",
    "/groups",
    "/groups/1",
    "/tags",
    "/templates",
    "/approvals",
    "/compose",
    "/admin/users",
  ]) {
    const response = await page.goto(`${sso.url}${path}`);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "没有权限", level: 1 }), path).toBeVisible();
    await expect(page.getByText("你的账号还没有分配角色，暂时不能使用控制台。请联系管理员为你分配角色。"), path).toBeVisible();
    // Not offered 首页, which refuses them too.
    await expect(page.getByRole("link", { name: "回到首页" }), path).toHaveCount(0);
  }
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.waitForURL((url) => url.pathname === "/sign-in");
});
