import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { firstGroups, pickGroups } from "./support/compose";
import { startConsole, type ConsoleProcess } from "./support/console-process";
import { submit, voicePush } from "./support/pushes";
import { scheduleOptionsFile } from "./support/schedule";
import { signedIn } from "./support/signed-in";
import { simulatorState } from "./support/simulator";

// 定时发送 and 免打扰 in the browser, on a console of their own (免打扰 for SMS around now, 突发事件
// exempt; see ./support/schedule). What the vendor received is the simulator's record.

let console_: ConsoleProcess;
let editor: APIRequestContext;

test.beforeAll(async () => {
  console_ = await startConsole("schedule-ui", { env: { SCHEDULE_MIN_LEAD_SECONDS: "2", CHUANBO_OPTIONS_FILE: scheduleOptionsFile() } });
  editor = await signedIn(console_.url, "demo-editor");
});
test.afterAll(async () => {
  await editor?.dispose();
  await console_?.stop();
});

async function composerPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: console_.url, storageState: await editor.storageState() });
  const page = await context.newPage();
  await page.goto("/compose");
  return page;
}

async function fillBasics(page: Page, name: string, type: string) {
  await page.getByLabel("推送名字").fill(name);
  await page.getByLabel("部门").selectOption({ label: "新闻中心" });
  await page.getByLabel("消息类型").selectOption({ label: type });
  await pickGroups(page, await firstGroups(editor, 1));
}

/**
 * The 定时 field's value (Beijing time, whole minutes) `minutes` to `minutes` + 1 ahead. Rounded up,
 * not cut down: cut down at hh:mm:55, the steps before the countdown had 5 s before it read a minute
 * less than expected (`minutes` − 1 or `minutes`); rounded up, they have a minute.
 */
const minutesAhead = (minutes: number) =>
  new Date(Math.ceil((Date.now() + minutes * 60_000) / 60_000) * 60_000 + 8 * 3600_000).toISOString().slice(0, 16);

const received = async (name: string) =>
  (await simulatorState(editor)).pushes.filter((push) => push.fields.some(([field, value]) => field === "name" && value === name));

test("定时发送: picked in Beijing time, confirmed, shown in history with a countdown, cancelled there, never sent", async ({ browser }) => {
  const page = await composerPage(browser);
  await fillBasics(page, "十分钟后的语音", "突发事件");
  await page.getByRole("radio", { name: "语音消息" }).click();
  await page.getByLabel("语音模板").fill("今晚有暴雨，请远离河道。");
  await page.getByRole("radio", { name: "定时发送" }).click();
  const at = minutesAhead(10);
  await page.getByLabel("定时（北京时间）").fill(at);
  await page.getByRole("button", { name: "定时发送…" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`将于北京时间 ${at.replace("T", " ")}`);
  await dialog.getByRole("button", { name: "确认定时发送" }).click();
  await expect(page.getByRole("heading", { name: /已定时/ })).toBeVisible();
  expect(await received("十分钟后的语音")).toEqual([]);

  await page.goto("/history");
  await page.getByLabel("状态").selectOption({ label: "已定时" });
  await expect(page).toHaveURL(/status=scheduled/);
  const row = page.getByRole("row", { name: /十分钟后的语音/ });
  await expect(row).toContainText(`定时 ${at.replace("T", " ")}`);
  await expect(row).toContainText(/还有 (9|10) 分钟/);
  await row.getByRole("link", { name: "十分钟后的语音" }).click();

  // 取消定时发送 asks first, naming the push; the safe choice has focus, so Enter twice cancels nothing.
  const opener = page.getByRole("button", { name: "取消定时发送" });
  await opener.focus();
  await page.keyboard.press("Enter");
  const ask = page.getByRole("dialog", { name: "取消「十分钟后的语音」的定时发送？" });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole("button", { name: "不取消" })).toBeFocused();
  // Esc closes it, cancels nothing, and focus is back on the button that opened it.
  await page.keyboard.press("Escape");
  await expect(ask).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(page.getByText(`定时发送：北京时间 ${at.replace("T", " ")}`)).toBeVisible();
  // 不取消 too.
  await page.keyboard.press("Enter");
  await expect(ask.getByRole("button", { name: "不取消" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(ask).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(page.getByText(`定时发送：北京时间 ${at.replace("T", " ")}`)).toBeVisible();

  await page.keyboard.press("Enter");
  await expect(ask.getByRole("button", { name: "不取消" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(ask.getByRole("button", { name: "确认取消，不发送" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("article").getByText("已取消", { exact: true })).toBeVisible();
  // Focus is on what happened, not thrown back to the top of the page.
  await expect(page.locator(":focus")).toHaveText(
    "这条定时推送在发送前被演示编辑（demo-editor）取消，没有发出；如仍需发送，请复制为新推送。",
  );
  expect(await received("十分钟后的语音")).toEqual([]);
});

test("定时发送 starts at an allowed time, a few minutes ahead; a time too soon is refused by the field", async ({ browser }) => {
  const page = await composerPage(browser);
  await page.getByRole("radio", { name: "定时发送" }).click();
  const picker = page.getByLabel("定时（北京时间）");
  // The suggestion: whole five minutes, at least a minute past the earliest allowed, and no error on it.
  await expect(picker).toHaveValue(/T\d\d:\d[05]$/);
  const suggested = new Date(`${await picker.inputValue()}:00+08:00`).getTime();
  expect(suggested - Date.now()).toBeGreaterThan(60_000);
  await expect(page.getByText("定时发送的时间须至少在")).toHaveCount(0);
  // The earliest choice the picker offers is allowed too (a minute cut down would be too soon).
  expect(new Date(`${await picker.getAttribute("min")}:00+08:00`).getTime()).toBeGreaterThan(Date.now());
  await picker.fill(minutesAhead(-1));
  await expect(page.getByText("定时发送的时间须至少在 2 秒之后，请选一个更晚的时间")).toBeVisible();
  await page.close();
});

test("免打扰: the composer says so once channel and type are chosen; 仍然发送 needs a reason, which is recorded", async ({ browser }) => {
  const page = await composerPage(browser);
  await fillBasics(page, "夜间短信提醒", "重要通知");
  await page.getByRole("radio", { name: "短信推送" }).click();
  await page.getByLabel("短信签名").selectOption({ label: "天目新闻（【天目新闻】）" });
  await page.getByLabel("短信模板").fill("明日停水，请提前储水。");
  const warning = page.getByText(/在免打扰时段（北京时间 \d\d:\d\d–\d\d:\d\d）内，这条推送不会照常发出/);
  await expect(warning).toBeVisible();
  // An exempt type lifts it; back to a listed one brings it back.
  await page.getByLabel("消息类型").selectOption({ label: "突发事件" });
  await expect(warning).toBeHidden();
  await page.getByLabel("消息类型").selectOption({ label: "重要通知" });
  await expect(warning).toBeVisible();

  // 定时到 the window's end: the picker is set, the warning goes.
  const end = ((await warning.textContent()) ?? "").match(/–(\d\d:\d\d)/)?.[1];
  await page.getByRole("button", { name: `定时到 ${end}` }).click();
  await expect(page.getByLabel("定时（北京时间）")).toHaveValue(new RegExp(`T${end}$`));
  await expect(warning).toBeHidden();

  // Back to 立即: 仍然发送 needs a reason before the confirmation opens.
  await page.getByRole("radio", { name: "立即发送" }).click();
  await page.getByRole("button", { name: "仍然发送" }).click();
  await page.getByRole("button", { name: "发送…" }).click();
  await expect(page.getByText("请填写在免打扰时段仍然发送的理由")).toBeVisible();
  await expect(page.getByRole("dialog")).toBeHidden();
  await page.getByLabel("仍然发送的理由").fill("停水通知须今晚送达");
  await page.getByRole("button", { name: "发送…" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("在免打扰时段内仍然发送，理由：停水通知须今晚送达");
  await dialog.getByRole("button", { name: "确认发送" }).click();
  await expect(page.getByRole("heading", { name: /已发送/ })).toBeVisible();
  const got = await received("夜间短信提醒");
  expect(got).toHaveLength(1);
  const list = (await (await editor.get("/api/pushes?size=5")).json()) as { records: Array<{ name: string; quiet_hours_reason: string }> };
  expect(list.records.find((r) => r.name === "夜间短信提醒")?.quiet_hours_reason).toBe("停水通知须今晚送达");
});

test("修改时间: a supervisor moves a waiting push on its record, never its content; the record shows the new time", async ({ browser }) => {
  const created = await submit(editor, {
    ...voicePush("审核人在记录页改时间", [102]),
    scheduled_at: new Date(Date.now() + 60 * 60_000).toISOString(),
  });
  expect(created.status()).toBe(202);
  const { id } = (await created.json()) as { id: string };
  const supervisor = await signedIn(console_.url, "demo-supervisor");
  const context = await browser.newContext({ baseURL: console_.url, storageState: await supervisor.storageState() });
  const page = await context.newPage();
  await page.goto(`/history/${id}`);
  await expect(page.getByRole("link", { name: "修改内容和时间" })).toHaveCount(0);
  // A time too far ahead is refused, and focus goes to why, beside the form.
  await page.getByLabel("改到（北京时间）").fill(minutesAhead(40 * 24 * 60));
  await page.getByRole("button", { name: "修改时间" }).click();
  await expect(page.locator(":focus")).toContainText("定时发送的时间最多在 30 天之内");
  const at = minutesAhead(20);
  await page.getByLabel("改到（北京时间）").fill(at);
  await page.getByRole("button", { name: "修改时间" }).click();
  await expect(page.getByText(`定时发送：北京时间 ${at.replace("T", " ")}`)).toBeVisible();
  // Focus is on the result, beside the form, not thrown back to the top of the page.
  await expect(page.locator(":focus")).toHaveText(`已改到北京时间 ${at.replace("T", " ")}，到时发出。`);
  await expect(page.getByText(/还有 (19|20) 分钟/)).toBeVisible();
  const record = (await (await editor.get(`/api/pushes/${id}`)).json()) as { name: string; scheduled_at: string };
  expect(record).toMatchObject({ name: "审核人在记录页改时间", scheduled_at: new Date(`${at}:00+08:00`).toISOString() });
  expect(await received("审核人在记录页改时间")).toEqual([]);
  await context.close();
  await supervisor.dispose();
});
