import { expect, test } from "@playwright/test";
import { STATE } from "./support/auth";

// Narrow screens and keyboards: the 菜单 at 390 px, the skip link, and focus back on the control that
// opened a dialog.

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the navigation folds into 菜单, which opens, closes with Esc onto itself, and closes after following a link", async ({ page }) => {
    await page.goto("/groups");
    const nav = page.getByRole("navigation", { name: "主导航" });
    const menu = page.getByRole("button", { name: "菜单" });
    await expect(nav).toBeHidden();
    await expect(page.getByRole("button", { name: "退出登录" })).toBeHidden();
    await expect(menu).toHaveAttribute("aria-expanded", "false");

    await menu.focus();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav).toBeVisible();
    await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(nav.getByRole("link", { name: "首页" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();

    await menu.click();
    await nav.getByRole("link", { name: "标签" }).click();
    await expect(page).toHaveURL(/\/tags$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(nav).toBeHidden();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
  });

  test("通知 beside 菜单 opens from the keyboard with its list (its code comes on demand) and closes with Esc", async ({ page }) => {
    await page.goto("/groups");
    const bell = page.getByRole("button", { name: /^通知/ });
    await expect(bell).toBeVisible();
    await expect(bell).toHaveAttribute("aria-expanded", "false");
    await bell.focus();
    await page.keyboard.press("Enter");
    await expect(bell).toHaveAttribute("aria-expanded", "true");
    const list = page.getByRole("region", { name: "通知" });
    // The editor's own decided pushes, or the line saying there are none yet; never stuck on reading.
    await expect(list).toContainText(/「|暂无通知。推送获批、被驳回、过期，或定时推送失败、被他人改时间或取消时，会显示在这里。/);
    await page.keyboard.press("Escape");
    await expect(list).toBeHidden();
    await expect(bell).toHaveAttribute("aria-expanded", "false");
    await expect(bell).toBeFocused();
  });

  test("the groups list is stacked cards, each cell labelled, nothing scrolls sideways", async ({ page }) => {
    await page.goto("/groups");
    // A group's row (it has a row header, its name), not the loading skeleton's grey bars.
    const row = page
      .getByRole("region", { name: "用户组列表" })
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader") })
      .first();
    await expect(row).toBeVisible();
    const cells = await row
      .locator(":scope > td, :scope > th")
      .evaluateAll((elements) =>
        elements.map((element) => ({ display: getComputedStyle(element).display, label: getComputedStyle(element, "::before").content })),
      );
    expect(cells.every((cell) => cell.display === "flex")).toBe(true);
    expect(cells.map((cell) => cell.label)).toContain('"人数"');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test("on /compose the preview comes before the send buttons", async ({ page }) => {
    await page.goto("/compose");
    const preview = page.getByRole("complementary", { name: "预览" });
    const send = page.getByRole("button", { name: "发送…" });
    await expect(preview).toBeVisible();
    const previewTop = (await preview.boundingBox())!.y;
    const sendTop = (await send.boundingBox())!.y;
    expect(previewTop).toBeLessThan(sendTop);
  });
});

test("at 1440 px the navigation shows in the header without 菜单, and the preview sits beside the form", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/compose");
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeVisible();
  await expect(page.getByRole("button", { name: "菜单" })).toBeHidden();
  const preview = (await page.getByRole("complementary", { name: "预览" }).boundingBox())!;
  const send = (await page.getByRole("button", { name: "发送…" }).boundingBox())!;
  expect(preview.x).toBeGreaterThan(send.x + send.width);
});

test("the first Tab reaches 跳到主要内容, which moves focus past the header into the page", async ({ page }) => {
  await page.goto("/groups");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "跳到主要内容" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  // The next Tab lands inside the page, not on the navigation.
  await page.keyboard.press("Tab");
  const inMain = await page.evaluate(() => document.querySelector("main")!.contains(document.activeElement));
  expect(inMain).toBe(true);
});

test.describe("dialogs", () => {
  test.use({ storageState: STATE.admin });

  test("focus returns to the control that opened a dialog, closed by Esc, by 取消 or by its ×", async ({ page }) => {
    await page.goto("/admin/users");
    const opener = page.getByRole("button", { name: "重置密码 演示编辑（demo-editor）" });
    const dialog = page.getByRole("dialog");

    await opener.focus();
    await page.keyboard.press("Enter");
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();

    await opener.click();
    await dialog.getByRole("button", { name: "取消" }).click();
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();

    await opener.click();
    await dialog.getByRole("button", { name: "关闭" }).click();
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  });
});

test("focus returns to 编辑 after a template dialog that unmounts is closed", async ({ page, request }) => {
  const name = `焦点测试${Date.now().toString(36)}`;
  const created = await request.post("/api/templates", {
    data: { name, notify_way: 3, voice_content: "今晚有暴雨，请远离河道。" },
  });
  expect(created.ok()).toBe(true);
  await page.goto("/templates");
  await page.getByRole("searchbox", { name: "搜索模板" }).fill(name);
  const edit = page.getByRole("button", { name: `编辑「${name}」` });
  await edit.click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(edit).toBeFocused();
  const remove = page.getByRole("button", { name: `删除「${name}」` });
  await remove.click();
  await page.getByRole("dialog").getByRole("button", { name: "删除" }).click();
  await expect(page.getByRole("button", { name: `编辑「${name}」` })).toHaveCount(0);
});
