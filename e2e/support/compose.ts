import { expect, type APIRequestContext, type Page } from "@playwright/test";

// Shared steps for the composer's browser tests: a clean simulator, the form's common fields,
// and what the simulator received.

export type SimPush = { accepted: boolean; message: string; fields: Array<[string, string]> };
export type SimGroup = { id: number; title: string; pnum: number | null };

export async function resetSimulator(request: APIRequestContext, extra: Record<string, unknown> = {}) {
  const response = await request.post("/simulator/control", { data: { reset: true, ...extra } });
  expect(response.ok()).toBe(true);
}

export async function simulatorPushes(request: APIRequestContext): Promise<SimPush[]> {
  const response = await request.get("/simulator/control");
  return ((await response.json()) as { pushes: SimPush[] }).pushes;
}

/** The first groups the picker lists (the simulator's newest, plain titles, all with 人数). */
export async function firstGroups(request: APIRequestContext, count: number): Promise<SimGroup[]> {
  const response = await request.get(`/api/groups?current=1&size=${count}`);
  return ((await response.json()) as { records: SimGroup[] }).records;
}

export async function pickGroups(page: Page, groups: SimGroup[]) {
  const toggle = page.getByRole("button", { name: "选择用户组" });
  if (await toggle.isVisible()) await toggle.click();
  const list = page.getByRole("list", { name: "用户组", exact: true });
  for (const group of groups) await list.getByRole("checkbox", { name: new RegExp(`#${group.id}\\b`) }).check();
}

export async function fillCommon(page: Page, groups: SimGroup[], name = "防汛预警") {
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
  await expect(page.getByRole("heading", { name: /已发送/ })).toBeVisible();
}
