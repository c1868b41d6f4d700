import { expect, test, type APIRequestContext } from "@playwright/test";
import { STATE } from "./support/auth";
import { firstGroups } from "./support/compose";
import { submit, voicePush } from "./support/pushes";
import { controlSimulator, simulatorState } from "./support/simulator";

// 修改定时推送 in the browser: the author opens a still-scheduled push in the composer from its
// record, changes content and time, and saves the same record (PATCH, audited); nothing is sent.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A voice push to the first group, scheduled an hour from now by the demo editor: its id. */
async function scheduledPush(request: APIRequestContext, name: string): Promise<string> {
  const [group] = await firstGroups(request, 1);
  const created = await submit(request, { ...voicePush(name, [group!.id]), scheduled_at: new Date(Date.now() + 3600_000).toISOString() });
  expect(created.status()).toBe(202);
  return ((await created.json()) as Json).id as string;
}

/** `YYYY-MM-DDTHH:mm` in Beijing time, `minutes` from now. */
const chinaLocal = (minutes: number) => new Date(Date.now() + minutes * 60_000 + 8 * 3600_000).toISOString().slice(0, 16);

test("the author changes a scheduled push's content and time in the composer: the same record, audited, nothing sent", async ({
  page,
  request,
  browser,
}) => {
  await controlSimulator(request, { reset: true });
  const [group] = await firstGroups(request, 1);
  const created = await submit(request, {
    ...voicePush("要修改的定时语音", [group!.id]),
    scheduled_at: new Date(Date.now() + 3600_000).toISOString(),
  });
  expect(created.status()).toBe(202);
  const { id } = (await created.json()) as Json;

  // A supervisor sees the record but not the way to change it.
  const supervisor = await browser.newContext({ storageState: STATE.supervisor });
  const theirs = await supervisor.newPage();
  await theirs.goto(`/history/${id}`);
  await expect(theirs.getByRole("button", { name: "取消定时发送" })).toBeVisible();
  await expect(theirs.getByRole("link", { name: "修改内容和时间" })).toHaveCount(0);
  await supervisor.close();

  await page.goto(`/history/${id}`);
  // Changes kept in this browser for a push whose time is over a month past: opening a push here drops them.
  const stale = "chuanbo-console.compose-edit.v1:long-gone";
  const base = JSON.stringify({ body: {}, time: [new Date(Date.now() - 31 * 24 * 3600_000).toISOString(), null] });
  await page.evaluate(
    ([slot, draft]) => localStorage.setItem(slot!, draft!),
    [stale, JSON.stringify({ values: {}, send: {}, test: {}, base })],
  );
  await page.getByRole("link", { name: "修改内容和时间" }).click();
  await expect(page).toHaveURL(new RegExp(`/compose\\?edit=${id}$`));
  await expect(page.getByRole("heading", { name: "修改定时推送" })).toBeVisible();
  await expect(page.getByLabel("推送名字")).toHaveValue("要修改的定时语音");
  expect(await page.evaluate((slot) => localStorage.getItem(slot), stale)).toBeNull();
  await expect(page.getByLabel("语音模板")).toHaveValue("今晚有暴雨，请远离河道。");
  await expect(page.getByRole("list", { name: "已选用户组" })).toContainText(`#${group!.id}`);
  // It stays scheduled: 立即发送 is not offered here.
  await expect(page.getByRole("radio", { name: "立即发送" })).toHaveCount(0);

  const later = chinaLocal(120);
  await page.getByLabel("语音模板").fill("暴雨预警已升级，请远离河道。");
  await page.getByLabel("定时（北京时间）").fill(later);
  await page.getByRole("button", { name: "保存修改…" }).click();
  const dialog = page.getByRole("dialog", { name: "确认修改定时推送：语音消息" });
  await expect(dialog).toContainText(`将于北京时间 ${later.replace("T", " ")}`);
  await dialog.getByRole("button", { name: "保存修改" }).click();
  await expect(page).toHaveURL(new RegExp(`/history/${id}$`));
  await expect(page.getByText("暴雨预警已升级，请远离河道。")).toBeVisible();

  const record = (await (await request.get(`/api/pushes/${id}`)).json()) as Json;
  expect(record).toMatchObject({ id, status: "scheduled", body: { voice_content: "暴雨预警已升级，请远离河道。" } });
  expect(new Date(record.scheduled_at).getTime()).toBe(new Date(`${later}:00+08:00`).getTime());
  const admin = await browser.newContext({ storageState: STATE.admin });
  const audit = (await (await admin.request.get(`/api/audit?action=push_rescheduled&target=${id}`)).json()) as { records: Json[] };
  expect(audit.records).toHaveLength(1);
  expect(audit.records[0]!.details.before.body.voice_content).toBe("今晚有暴雨，请远离河道。");
  await admin.close();
  expect((await simulatorState(request)).requests.push_create).toBe(0);
});

test("another editor opening the edit link is told at once that only its author may change it, before typing anything; the server refuses too", async ({
  browser,
  request,
}) => {
  const id = await scheduledPush(request, "别人的定时语音");
  const other = await browser.newContext({ storageState: STATE.editor2 });
  const page = await other.newPage();
  await page.goto(`/compose?edit=${id}`);
  await expect(
    page.getByRole("alert").filter({ hasText: "只有这条推送的作者可以修改它的内容；审核人可以修改它的时间或取消它。" }),
  ).toBeVisible();
  await expect(page.getByLabel("语音模板")).toHaveCount(0);
  await page.getByRole("link", { name: "回到推送记录" }).click();
  await expect(page).toHaveURL(new RegExp(`/history/${id}$`));
  await expect(page.getByRole("link", { name: "修改内容和时间" })).toHaveCount(0);

  const change = {
    ...voicePush("别人的定时语音", [101]),
    voice_content: "改过的内容",
    scheduled_at: new Date(Date.now() + 3600_000).toISOString(),
  };
  const refused = await other.request.patch(`/api/pushes/${id}`, { data: change });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as Json).error.message).toBe("只有这条推送的作者可以修改它的内容；审核人可以修改它的时间或取消它。");
  expect(((await (await request.get(`/api/pushes/${id}`)).json()) as Json).body.voice_content).toBe("今晚有暴雨，请远离河道。");
  await other.close();
});

test("changes not saved yet survive a reload and leaving; 放弃修改 asks first; a time moved meanwhile keeps them, content saved meanwhile does not", async ({
  page,
  request,
}) => {
  const id = await scheduledPush(request, "改到一半的定时语音");
  const later = chinaLocal(90);
  await page.goto(`/compose?edit=${id}`);
  await page.getByLabel("语音模板").fill("还没保存的新内容");
  await page.getByLabel("定时（北京时间）").fill(later);

  // A reload, then leaving by the menu and coming back: the changes and the time are still there, and said so.
  await page.reload();
  await expect(page.getByLabel("语音模板")).toHaveValue("还没保存的新内容");
  await expect(page.getByLabel("定时（北京时间）")).toHaveValue(later);
  await expect(page.getByText("已恢复上次没有保存的修改。")).toBeVisible();
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "推送记录" }).click();
  await expect(page).toHaveURL(/\/history$/);
  await page.goto(`/compose?edit=${id}`);
  await expect(page.getByLabel("语音模板")).toHaveValue("还没保存的新内容");

  // 放弃修改 asks first, on the safe choice; Esc keeps the changes.
  await page.getByRole("button", { name: "放弃修改" }).click();
  const ask = page.getByRole("dialog", { name: "放弃没有保存的修改？" });
  await expect(ask.getByRole("button", { name: "继续修改" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(ask).toHaveCount(0);
  await expect(page.getByLabel("语音模板")).toHaveValue("还没保存的新内容");
  await page.getByRole("button", { name: "放弃修改" }).click();
  await ask.getByRole("button", { name: "放弃修改" }).click();
  await expect(page).toHaveURL(new RegExp(`/history/${id}$`));
  await page.goto(`/compose?edit=${id}`);
  await expect(page.getByLabel("语音模板")).toHaveValue("今晚有暴雨，请远离河道。");
  await expect(page.getByText("已恢复上次没有保存的修改。")).toHaveCount(0);

  // Changes begun, then only its time moved (修改时间, as a supervisor may): they come back, at the new time.
  await page.getByLabel("语音模板").fill("时间被挪后仍要的修改");
  const movedTo = new Date(Math.ceil((Date.now() + 7200_000) / 60_000) * 60_000);
  const moved = await request.post(`/api/pushes/${id}/reschedule`, { data: { scheduled_at: movedTo.toISOString() } });
  expect(moved.status()).toBe(200);
  await page.reload();
  await expect(page.getByLabel("语音模板")).toHaveValue("时间被挪后仍要的修改");
  const movedLocal = new Date(movedTo.getTime() + 8 * 3600_000).toISOString().slice(0, 16);
  await expect(page.getByLabel("定时（北京时间）")).toHaveValue(movedLocal);
  await expect(page.getByText(`定时时间在此期间已改为北京时间 ${movedLocal.replace("T", " ")}，现以此为准。`)).toBeVisible();

  // Its content saved meanwhile (from another tab): the kept changes were made to the old content, and say so.
  const [group] = await firstGroups(request, 1);
  const saved = await request.patch(`/api/pushes/${id}`, {
    data: { ...voicePush("另一个标签页保存的内容", [group!.id]), scheduled_at: movedTo.toISOString() },
  });
  expect(saved.status()).toBe(200);
  await page.reload();
  await expect(page.getByLabel("推送名字")).toHaveValue("另一个标签页保存的内容");
  await expect(page.getByLabel("语音模板")).toHaveValue("今晚有暴雨，请远离河道。");
  await expect(page.getByText("这条推送的内容在上次修改之后又保存过，上次没有保存的修改是对旧内容做的，不再恢复。")).toBeVisible();
});
