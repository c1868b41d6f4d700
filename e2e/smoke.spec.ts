import { expect, test } from "@playwright/test";

test("the console opens in Chinese on the simulator, with the sandbox banner and navigation", async ({ page, request }) => {
  await page.goto("/");
  // The tab shows the console's own icon (without one the browser asks for /favicon.ico and gets 404).
  const icon = await page.locator('link[rel="icon"]').getAttribute("href");
  const iconFile = await request.get(icon ?? "/favicon.ico");
  expect(iconFile.status()).toBe(200);
  expect(iconFile.headers()["content-type"]).toContain("image/svg+xml");
  await expect(page.getByRole("heading", { name: "首页", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("note", { name: "模拟环境" })).toContainText("不会发给任何真实用户");
  const nav = page.getByRole("navigation", { name: "主导航" });
  await expect(nav.getByRole("link", { name: "首页" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "用户组" })).not.toHaveAttribute("aria-current");
  await nav.getByRole("link", { name: "创建推送" }).click();
  await expect(page).toHaveURL(/\/compose/);
  await expect(nav.getByRole("link", { name: "创建推送" })).toHaveAttribute("aria-current", "page");
});

test("links move within the console without reloading it; Ctrl+click opens a new tab and leaves this one", async ({ page, context }) => {
  await page.goto("/groups");
  // Something only this page load knows: a reload would forget it.
  await page.evaluate(() => {
    (window as unknown as { kept: boolean }).kept = true;
  });
  const kept = () => page.evaluate(() => (window as unknown as { kept?: boolean }).kept === true);
  const nav = page.getByRole("navigation", { name: "主导航" });

  await nav.getByRole("link", { name: "推送记录" }).click();
  await expect(page.getByRole("heading", { name: "推送记录", level: 1 })).toBeVisible();
  expect(await kept()).toBe(true);
  await page.goBack();
  await expect(page.getByRole("heading", { name: "用户组", level: 1 })).toBeVisible();
  expect(await kept()).toBe(true);

  const [tab] = await Promise.all([
    context.waitForEvent("page"),
    nav.getByRole("link", { name: "标签" }).click({ modifiers: ["Control"] }),
  ]);
  await tab.waitForLoadState();
  expect(new URL(tab.url()).pathname).toBe("/tags");
  await expect(tab.getByRole("heading", { name: "标签", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "用户组", level: 1 })).toBeVisible();
  await tab.close();
});
