import { expect, test } from "@playwright/test";
import { STATE } from "./support/auth";
import { fillCommon, firstGroups } from "./support/compose";
import { submit, voicePush } from "./support/pushes";
import { controlSimulator } from "./support/simulator";
import type { TemplatePage } from "../lib/templates/template";

// 常用模板 in the browser: saved from the composer and from a history record, chosen in another visit
// (the channel's fields filled, the groups kept, typed work never replaced unasked), managed on /templates.

const unique = (label: string) => `${label}${Date.now().toString(36)}`;

test.beforeEach(async ({ request }) => {
  await controlSimulator(request, { reset: true });
});

test("saved from the composer, then chosen in another visit: fills the channel, keeps the groups, asks before overwriting", async ({
  page,
  browser,
  request,
}) => {
  const name = unique("暴雨模板");
  const groups = await firstGroups(request, 2);
  await page.goto("/compose");
  await page.getByLabel("推送标题").fill("暴雨橙色预警");
  await page.getByLabel("推送内容").fill("今晚有暴雨，请远离河道。");
  const save = page.getByRole("button", { name: "存为模板" });
  await save.click();
  const dialog = page.getByRole("dialog", { name: "存为模板" });
  await expect(dialog.getByLabel("模板名称")).toBeFocused();
  // Esc closes it, and focus goes back to the button.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(save).toBeFocused();
  await save.click();
  await dialog.getByLabel("模板名称").fill(name);
  await dialog.getByRole("button", { name: "保存模板" }).click();
  await expect(page.getByText(`已存为模板「${name}」。`)).toBeVisible();
  await expect(save).toBeFocused();
  // The same name again: refused in the dialog, on the name, which keeps what was typed and the focus.
  await save.click();
  await dialog.getByLabel("模板名称").fill(name);
  await dialog.getByRole("button", { name: "保存模板" }).click();
  await expect(dialog.getByText(`你已有一个名为「${name}」的模板。请换一个名称，以便在模板列表里分得清。`)).toBeVisible();
  await expect(dialog.getByLabel("模板名称")).toBeFocused();
  await expect(dialog.getByLabel("模板名称")).toHaveValue(name);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // Another visit (a fresh browser profile: no draft), at phone width.
  const context = await browser.newContext({ storageState: STATE.editor, viewport: { width: 390, height: 844 } });
  const other = await context.newPage();
  await other.goto("/compose");
  await fillCommon(other, groups, "今晚的提醒");
  await other.getByRole("radio", { name: "语音消息" }).click();
  await other.getByRole("radio", { name: "系统通知" }).click();
  await other.getByLabel("推送标题").fill("我自己写的标题");
  await other.getByRole("radio", { name: "语音消息" }).click();

  const pick = other.getByRole("button", { name: "选择模板" });
  await pick.click();
  const picker = other.getByRole("dialog", { name: "选择模板" });
  await picker.getByRole("searchbox", { name: "搜索模板" }).fill(name);
  const use = picker.getByRole("button", { name: `使用「${name}」` });
  await expect(use).toBeInViewport();
  await expect(picker.getByRole("list", { name: "模板" }).getByRole("listitem")).toHaveCount(1);
  await use.focus();
  await other.keyboard.press("Enter");
  // The editor typed a title in that channel: asked first, said at once, the keyboard on the safe
  // choice (a second Enter keeps the typed text), and 返回列表 changes nothing.
  await expect(picker.getByRole("alert")).toContainText(`用模板「${name}」覆盖已填写的系统通知内容？`);
  await expect(picker.getByRole("button", { name: "返回列表" })).toBeFocused();
  await other.keyboard.press("Enter");
  await expect(picker.getByRole("alert")).toHaveCount(0);
  await picker.getByRole("button", { name: `使用「${name}」` }).click();
  await picker.getByRole("button", { name: "用模板覆盖" }).click();
  await expect(picker).toBeHidden();
  await expect(pick).toBeFocused();

  await expect(other.getByRole("radio", { name: "系统通知" })).toHaveAttribute("aria-checked", "true");
  await expect(other.getByLabel("推送标题")).toHaveValue("暴雨橙色预警");
  await expect(other.getByLabel("推送内容")).toHaveValue("今晚有暴雨，请远离河道。");
  await expect(other.getByLabel("推送名字")).toHaveValue("今晚的提醒");
  const people = (groups[0]?.pnum ?? 0) + (groups[1]?.pnum ?? 0);
  await expect(other.getByLabel("触达人数").first()).toContainText(`预计触达 ${people.toLocaleString("zh-CN")} 人`);
  await expect(other.getByText(`已填入模板「${name}」的内容。`)).toBeVisible();
  await context.close();
});

test("存为模板 from a history record saves that record's content; a supervisor sees no such button", async ({ page, browser, request }) => {
  const groups = await firstGroups(request, 1);
  const pushName = unique("记录里的语音");
  const answer = await submit(request, voicePush(pushName, [groups[0]!.id]));
  expect(answer.status()).toBe(201);
  const { id } = (await answer.json()) as { id: string };

  await page.goto(`/history/${id}`);
  await page.getByRole("button", { name: "存为模板" }).click();
  const dialog = page.getByRole("dialog", { name: "存为模板" });
  await expect(dialog.getByLabel("模板名称")).toHaveValue(pushName);
  await dialog.getByRole("button", { name: "保存模板" }).click();
  await expect(page.getByText(`已存为模板「${pushName}」。`)).toBeVisible();
  const saved = (await (await request.get(`/api/templates?q=${encodeURIComponent(pushName)}`)).json()) as TemplatePage;
  expect(saved.records).toEqual([
    expect.objectContaining({ name: pushName, notify_way: 3, voice_content: "今晚有暴雨，请远离河道。", created_by: "demo-editor" }),
  ]);
  expect(saved.records[0]).not.toHaveProperty("chuanbo_group");

  const context = await browser.newContext({ storageState: STATE.supervisor });
  const supervisor = await context.newPage();
  await supervisor.goto(`/history/${id}`);
  await expect(supervisor.getByRole("heading", { name: pushName })).toBeVisible();
  // Issue 10: a supervisor is offered no compose action either.
  await expect(supervisor.getByRole("link", { name: "复制为新推送" })).toHaveCount(0);
  await expect(supervisor.getByRole("button", { name: "存为模板" })).toHaveCount(0);
  await context.close();
});

test("/templates: editors see 编辑 and 删除 on their own templates only; a supervisor edits and deletes anyone's", async ({
  browser,
  request,
}) => {
  const name = unique("值班短信");
  const created = await request.post("/api/templates", {
    data: { name, notify_way: 2, msg_sign_id: 50, msg_template: "今晚值班请注意。" },
  });
  expect(created.status()).toBe(201);

  const editor2 = await browser.newContext({ storageState: STATE.editor2 });
  const page2 = await editor2.newPage();
  await page2.goto("/templates");
  // On a wide screen the search and the type share one row, the type as wide as its words.
  const search = await page2.getByRole("searchbox", { name: "搜索模板" }).boundingBox();
  const type = await page2.getByRole("combobox", { name: "推送类型" }).boundingBox();
  expect(type && search && Math.abs(type.y - search.y)).toBeLessThan(2);
  expect(type && search && type.width < search.width / 2).toBe(true);
  await page2.getByRole("searchbox", { name: "搜索模板" }).fill(name);
  const row2 = page2.getByRole("listitem").filter({ hasText: name });
  await expect(row2).toContainText("今晚值班请注意。");
  await expect(row2).toContainText("创建人：演示编辑");
  await expect(row2).not.toContainText("修改于");
  await expect(row2.getByRole("button")).toHaveCount(0);
  await editor2.close();

  const context = await browser.newContext({ storageState: STATE.supervisor });
  const page = await context.newPage();
  await page.goto("/templates");
  // The search reaches the address once the page runs (typed again if it was typed before): 编辑 is
  // then pressed on a page that can open its dialog.
  await expect(async () => {
    await page.getByRole("searchbox", { name: "搜索模板" }).fill(name);
    await expect(page).toHaveURL(/[?&]q=/, { timeout: 2_000 });
  }).toPass();
  const edit = page.getByRole("button", { name: `编辑「${name}」` });
  await edit.click();
  const dialog = page.getByRole("dialog", { name: "编辑模板（短信推送）" });
  // A refused save leaves focus on the field to fix, inside the dialog, not on the page.
  await dialog.getByLabel("模板名称").fill("");
  await dialog.getByRole("button", { name: "保存修改" }).click();
  await expect(dialog.getByText("请填写模板名称")).toBeVisible();
  await expect(dialog.getByLabel("模板名称")).toBeFocused();
  await dialog.getByLabel("模板名称").fill(name);
  await dialog.getByLabel("短信模板").fill("x".repeat(71));
  await dialog.getByRole("button", { name: "保存修改" }).click();
  await expect(dialog.getByText("短信模板最多 70 个字，现在有 71 个")).toBeVisible();
  await expect(dialog.getByLabel("短信模板")).toBeFocused();
  await dialog.getByLabel("短信模板").fill("今晚值班请留意来电。");
  await dialog.getByRole("button", { name: "保存修改" }).click();
  await expect(dialog).toBeHidden();
  await expect(edit).toBeFocused();
  await expect(page.getByRole("listitem").filter({ hasText: name })).toContainText("今晚值班请留意来电。");
  await expect(page.getByText(`已保存模板「${name}」的修改。`)).toBeVisible();
  // Who made it, and who changed it last, by name, with when.
  await expect(page.getByRole("listitem").filter({ hasText: name })).toContainText(
    /创建人：演示编辑 · 演示审核人修改于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/,
  );

  // Renamed to another template's name: refused on the name field, the dialog open with what was typed.
  const other = unique("值班短信乙");
  expect((await request.post("/api/templates", { data: { name: other, notify_way: 3, voice_content: "明天值班。" } })).status()).toBe(201);
  await edit.click();
  // After a refusal (409) the page renders again from the server; that render is held here until the
  // dialog has been closed: what the refusal says is final, so the dialog must not wait for it.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const render = (url: URL) => url.pathname === "/templates";
  await page.route(render, async (route) => {
    if (route.request().headers()["rsc"] === "1") await held;
    await route.fallback();
  });
  await dialog.getByLabel("模板名称").fill(other);
  await dialog.getByRole("button", { name: "保存修改" }).click();
  await expect(dialog.getByText(`已有名为「${other}」的模板（演示编辑建的）。请换一个名称，以便在模板列表里分得清。`)).toBeVisible();
  await expect(dialog.getByLabel("模板名称")).toBeFocused();
  await expect(dialog.getByLabel("短信模板")).toHaveValue("今晚值班请留意来电。");
  await expect(dialog.getByRole("button", { name: "保存修改" })).toBeEnabled();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  release();
  await page.unroute(render);

  // Renamed: the message names it by both names, the new one last.
  const renamed = `${name}改`;
  await edit.click();
  await dialog.getByLabel("模板名称").fill(renamed);
  await dialog.getByRole("button", { name: "保存修改" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`已将模板「${name}」改名为「${renamed}」。`)).toBeVisible();

  await page.getByRole("button", { name: `删除「${renamed}」` }).click();
  await page
    .getByRole("dialog", { name: `删除模板「${renamed}」？` })
    .getByRole("button", { name: "删除" })
    .click();
  await expect(page.getByText(`已删除模板「${renamed}」。`)).toBeVisible();
  await expect(page.getByText("没有符合条件的模板")).toBeVisible();
  // The row and its 删除 are gone: focus is on what happened, not on the page.
  await expect(page.locator(":focus")).toHaveText(`已删除模板「${renamed}」。`);
  await context.close();
});
