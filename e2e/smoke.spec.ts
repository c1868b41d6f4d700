import { expect, test } from "@playwright/test";

test("the console opens in Chinese on the simulator, with the sandbox banner and navigation", async ({ page }) => {
  await page.goto("/");
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
