import { expect, type APIRequestContext, type Page } from "@playwright/test";
import type { Group } from "../../lib/validations/group";

// Shared steps for the composer's browser tests: the groups to pick and the form's common fields.
// The simulator is driven through ./simulator.

/** The first groups the picker lists (the simulator's newest, plain titles, all with 人数). */
export async function firstGroups(request: APIRequestContext, count: number): Promise<Group[]> {
  const response = await request.get(`/api/groups?current=1&size=${count}`);
  return ((await response.json()) as { records: Group[] }).records;
}

export async function pickGroups(page: Page, groups: Group[]) {
  const toggle = page.getByRole("button", { name: "选择用户组" });
  if (await toggle.isVisible()) await toggle.click();
  const list = page.getByRole("list", { name: "用户组", exact: true });
  for (const group of groups) await list.getByRole("checkbox", { name: new RegExp(`#${group.id}\\b`) }).check();
}

export async function fillCommon(page: Page, groups: Group[], name = "防汛预警") {
  await page.getByLabel("推送名字").fill(name);
  await page.getByLabel("部门").selectOption({ label: "新闻中心" });
  await page.getByLabel("消息类型").selectOption({ label: "突发事件" });
  await pickGroups(page, groups);
}

export async function confirmSend(page: Page) {
  await page.getByRole("button", { name: "发送…" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "确认发送" }).click();
  // The button pressed is gone: the keyboard's focus is on the result.
  await expect(page.getByRole("heading", { name: /已发送/ })).toBeFocused();
}
