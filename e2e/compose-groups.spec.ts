import { expect, test } from "@playwright/test";
import { controlSimulator } from "./support/simulator";
import type { Group } from "../lib/validations/group";

// Many groups on one screen: the chosen ones are a compact list with a count and the total reach,
// and after sending the banner says how many, not all their names.

test("50 chosen groups fit on one screen at 1440 px, and the banner after sending counts them", async ({ page, request }) => {
  await controlSimulator(request, { reset: true });
  const { records } = (await (await request.get("/api/groups?size=100")).json()) as { records: Group[] };
  // The smallest 50 with a 人数: well under the tests' approval line, so it goes out at once.
  const fifty = records
    .filter((g) => g.pnum !== null)
    .sort((a, b) => a.pnum! - b.pnum!)
    .slice(0, 50);
  expect(fifty).toHaveLength(50);
  const people = fifty.reduce((sum, g) => sum + g.pnum!, 0);

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/compose?groups=${fifty.map((g) => g.id).join(",")}`);
  await expect(page.getByText("已选 50 个用户组")).toBeVisible();
  const chosen = page.getByRole("list", { name: "已选用户组" });
  await expect(chosen.getByRole("listitem")).toHaveCount(50);
  await expect(page.getByLabel("触达人数").first()).toContainText(`预计触达 ${people.toLocaleString("zh-CN")} 人`);
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(2_000);
  // At 390 px nothing scrolls sideways, however long a group's name (the simulator has very long ones).
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1440, height: 900 });

  // Tag rules on demand: a group with rules shows them when asked.
  const withRules = fifty.find((g) => g.tags.length > 0);
  if (withRules) {
    const item = chosen.getByRole("listitem").filter({ hasText: `#${withRules.id}` });
    await item.getByRole("button", { name: new RegExp(`规则 ${withRules.tags.length} 条`) }).click();
    await expect(item.getByRole("list", { name: "标签规则" })).toBeVisible();
  }

  await page.getByLabel("推送名字").fill("五十个用户组");
  await page.getByLabel("部门").selectOption({ label: "新闻中心" });
  await page.getByLabel("消息类型").selectOption({ label: "突发事件" });
  await page.getByRole("textbox", { name: "推送标签（选填）" }).fill("防汛");
  await page.getByRole("radio", { name: "语音消息" }).click();
  await page.getByLabel("语音模板").fill("今晚有暴雨，请远离河道。");
  await page.getByRole("button", { name: "发送…" }).click();
  const dialog = page.getByRole("dialog", { name: "确认发送语音消息" });
  await expect(dialog.getByText("推送标签", { exact: true })).toBeVisible();
  await expect(dialog).toContainText("等 50 个用户组");
  await dialog.getByRole("button", { name: "确认发送" }).click();

  await expect(page.getByRole("heading", { name: /已发送/ })).toBeVisible();
  await expect(page.getByRole("status")).toHaveCount(1);
  await expect(page.getByRole("status")).toContainText("已发给 50 个用户组");
  // The names are behind 查看全部, not a wall of text.
  const last = fifty.at(-1)!;
  await expect(page.getByText(last.title, { exact: false }).first()).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(2_000);
});
