import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { STATE, signInOnPage } from "./support/auth";
import { bigGroups, submit, voicePush } from "./support/pushes";
import { controlSimulator, simulatorState as sim } from "./support/simulator";

// 审批 between two people: an editor's large push waits; a supervisor who is not its author approves
// (it goes out exactly once) or rejects it with a reason; history says who and when.

async function asSupervisor(browser: Browser) {
  const context = await browser.newContext({ storageState: STATE.supervisor });
  return { context, page: await context.newPage() };
}

test.beforeEach(async ({ request }) => {
  await controlSimulator(request, { reset: true });
});

test("a large push waits for approval; the supervisor approves it in 待审批 and it is sent exactly once", async ({ request, browser }) => {
  const { ids, reach } = await bigGroups(request);
  const key = crypto.randomUUID();
  const name = `防汛全员语音-${key.slice(0, 6)}`;
  const held = await submit(request, voicePush(name, ids), key);
  expect(held.status()).toBe(202);
  const { id } = await held.json();
  expect(await held.json()).toEqual({ id, status: "pending_approval" });
  expect((await sim(request)).requests.push_create).toBe(0);
  // A retry with the same key replays the same answer: still waiting, still not sent.
  expect((await submit(request, voicePush(name, ids), key)).status()).toBe(202);

  // The author, an editor without the supervisor role, cannot approve.
  const byAuthor = await request.post(`/api/approvals/${id}/approve`, { data: { rescheduled_at: null } });
  expect(byAuthor.status()).toBe(403);

  const { context, page } = await asSupervisor(browser);
  await page.goto("/approvals");
  const card = page.getByRole("article", { name });
  await expect(card).toContainText(`预计触达 ${reach.toLocaleString("zh-CN")} 人`);
  await expect(card).toContainText("今晚有暴雨，请远离河道。");
  // People by name, as the header names them; the account is on the record page.
  await expect(card).toContainText("演示编辑提交于 ");
  await card.getByRole("button", { name: "批准并发送" }).click();
  const dialog = page.getByRole("dialog", { name: "批准并发送这条推送？" });
  // The list's new render is held back: until it comes, the decided card offers nothing more to press.
  let release = () => {};
  const rendered = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/approvals?**", async (route) => {
    if (route.request().headers()["rsc"] === "1") await rendered;
    await route.continue();
  });
  await dialog.getByRole("button", { name: "确认批准并发送" }).dblclick();
  await expect(page.getByRole("status")).toHaveText(`已批准并发出「${name}」。`);
  await expect(card).toContainText("已处理，列表正在更新…");
  await expect(card.getByRole("button")).toHaveCount(0);
  release();
  await expect(page.getByRole("article", { name })).toHaveCount(0);
  await context.close();

  const state = await sim(request);
  expect(state.requests.push_create).toBe(1);
  expect(state.pushes[0]!.fields).toContainEqual(["name", name]);
  expect(state.pushes[0]!.fields).toContainEqual(["chuanbo_group", ids.join(",")]);

  const record = await (await request.get(`/api/pushes/${id}`)).json();
  expect(record).toMatchObject({ status: "sent", sent_by: "demo-editor", approved_by: "demo-supervisor", reach });
  expect(Date.parse(record.approved_at)).not.toBeNaN();
  // The author's retry now replays the send's own answer, and sends nothing more.
  const replay = await submit(request, voicePush(name, ids), key);
  expect(replay.status()).toBe(201);
  expect((await sim(request)).requests.push_create).toBe(1);
});

test("the author cannot approve their own push, even holding the supervisor role", async ({ request, playwright, browser }) => {
  const admin = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, storageState: STATE.admin });
  const username = `both-${Date.now().toString(36)}`;
  const password = "both-roles-password";
  const created = await admin.post("/api/admin/users", {
    data: { username, name: "兼任编辑审核", roles: ["editor", "supervisor"], password },
  });
  expect(created.status()).toBe(201);
  await admin.dispose();

  const both = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL,
    storageState: { cookies: [], origins: [] },
  });
  expect((await both.post("/api/auth/sign-in/username", { data: { username, password } })).ok()).toBe(true);
  const { ids } = await bigGroups(both);
  const name = `自己审批-${username}`;
  const held = await submit(both, voicePush(name, ids));
  expect(held.status()).toBe(202);
  const { id } = await held.json();
  const own = await both.post(`/api/approvals/${id}/approve`, { data: { rescheduled_at: null } });
  expect(own.status()).toBe(403);
  expect((await own.json()).error.message).toContain("不能审批自己提交的推送");
  await both.dispose();

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in?next=/approvals");
  await signInOnPage(page, username, password);
  const card = page.getByRole("article", { name });
  await expect(card).toContainText("这是你提交的推送，需由另一位审核人审批。");
  await expect(card.getByRole("button", { name: "批准并发送" })).toHaveCount(0);
  await context.close();
  expect((await sim(request)).requests.push_create).toBe(0);
  // Left waiting: another supervisor (demo-supervisor) rejects it, so later tests start clean.
  const supervisor = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, storageState: STATE.supervisor });
  expect((await supervisor.post(`/api/approvals/${id}/reject`, { data: { reason: "测试结束", rescheduled_at: null } })).ok()).toBe(true);
  await supervisor.dispose();
});

test("offline, 驳回 keeps the dialog and the reason typed, says so in Chinese, and goes through once back online", async ({
  request,
  browser,
}) => {
  const { ids } = await bigGroups(request);
  const name = `离线驳回-${crypto.randomUUID().slice(0, 6)}`;
  const { id } = await (await submit(request, voicePush(name, ids))).json();

  const { context, page } = await asSupervisor(browser);
  await page.goto("/approvals");
  await page.getByRole("article", { name }).getByRole("button", { name: "驳回" }).click();
  const dialog = page.getByRole("dialog", { name: "驳回这条推送" });
  await dialog.getByLabel("驳回理由").fill("离线时写的理由");
  await context.setOffline(true);
  await dialog.getByRole("button", { name: "确认驳回" }).click();
  await expect(dialog.getByText("连不上控制台服务器，请检查网络后重试。")).toBeVisible();
  // Nothing reloaded the page: the dialog and what was typed are still there.
  await expect(dialog.getByLabel("驳回理由")).toHaveValue("离线时写的理由");
  await context.setOffline(false);
  await dialog.getByRole("button", { name: "确认驳回" }).click();
  await expect(page.getByRole("status")).toHaveText(`已驳回「${name}」。`);
  await expect(page.getByRole("article", { name })).toHaveCount(0);
  await context.close();
  expect(await (await request.get(`/api/pushes/${id}`)).json()).toMatchObject({ status: "rejected", reject_reason: "离线时写的理由" });
});

test("a supervisor rejects with a reason; nothing is sent and history says who, when and why", async ({ request, browser }) => {
  const { ids } = await bigGroups(request);
  const key = crypto.randomUUID();
  const name = `待驳回-${key.slice(0, 6)}`;
  const { id } = await (await submit(request, voicePush(name, ids), key)).json();

  const { context, page } = await asSupervisor(browser);
  await page.goto("/approvals");
  await page.getByRole("article", { name }).getByRole("button", { name: "驳回" }).click();
  const dialog = page.getByRole("dialog", { name: "驳回这条推送" });
  await dialog.getByRole("button", { name: "确认驳回" }).click();
  await expect(dialog.getByText("请写明驳回理由")).toBeVisible();
  await dialog.getByLabel("驳回理由").fill("范围太大，请只发给城东片区");
  await dialog.getByRole("button", { name: "确认驳回" }).click();
  await expect(page.getByRole("status")).toHaveText(`已驳回「${name}」。`);
  await context.close();

  expect((await sim(request)).requests.push_create).toBe(0);
  const record = await (await request.get(`/api/pushes/${id}`)).json();
  expect(record).toMatchObject({
    status: "rejected",
    rejected_by: "demo-supervisor",
    reject_reason: "范围太大，请只发给城东片区",
    approved_by: null,
  });
  const retry = await submit(request, voicePush(name, ids), key);
  expect(retry.status()).toBe(409);
  expect((await retry.json()).error).toMatchObject({
    code: "rejected",
    message: expect.stringContaining("审核人演示审核人驳回了这条推送，没有发出。"),
  });
  expect((await retry.json()).error.message).toContain("范围太大");
  // A decided push cannot be decided again.
  const late = await browser.newContext({ storageState: STATE.supervisor });
  const again = await late.request.post(`/api/approvals/${id}/approve`, { data: { rescheduled_at: null } });
  expect(again.status()).toBe(409);
  expect((await again.json()).error).toMatchObject({ code: "not_pending_approval", message: "这条推送已被演示审核人驳回，不需要再审批。" });
  await late.close();
});

test("approving a push its author withdrew meanwhile: the dialog says so and offers only 返回列表, which has the focus; nothing is sent", async ({
  request,
  browser,
}) => {
  const { ids } = await bigGroups(request);
  const name = `审批时已撤回-${crypto.randomUUID().slice(0, 6)}`;
  const { id } = await (await submit(request, voicePush(name, ids))).json();

  const { context, page } = await asSupervisor(browser);
  await page.goto("/approvals");
  await page.getByRole("article", { name }).getByRole("button", { name: "批准并发送" }).click();
  const dialog = page.getByRole("dialog", { name: "批准并发送这条推送？" });
  await expect(dialog).toContainText(`「${name}」`);
  expect((await request.post(`/api/pushes/${id}/withdraw`, { data: {} })).status()).toBe(200);

  await dialog.getByRole("button", { name: "确认批准并发送" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("作者已撤回这条推送，它不会发出，不需要再审批。");
  await expect(dialog.getByRole("button", { name: "确认批准并发送" })).toHaveCount(0);
  const close = dialog.getByRole("button", { name: "返回列表" });
  await expect(close).toBeFocused();
  await close.click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("article", { name })).toHaveCount(0);
  await context.close();
  expect((await sim(request)).requests.push_create).toBe(0);
});

/** A push over the approval line, scheduled an hour ahead (so its author may still change it): its id. */
async function heldAndScheduled(request: APIRequestContext, name: string, ids: number[]): Promise<string> {
  const held = await submit(request, { ...voicePush(name, ids), scheduled_at: new Date(Date.now() + 3600_000).toISOString() });
  expect(held.status()).toBe(202);
  return (await held.json()).id;
}

/** Its author (the editor `request` signs in as) changes what it says, keeping name, groups and time. */
async function authorChanges(request: APIRequestContext, id: string, voice_content: string) {
  const record = await (await request.get(`/api/pushes/${id}`)).json();
  const changed = await request.patch(`/api/pushes/${id}`, { data: { ...record.body, voice_content, scheduled_at: record.scheduled_at } });
  expect(changed.status()).toBe(200);
  expect(await changed.json()).toMatchObject({ status: "pending_approval", rescheduled_by: "demo-editor" });
}

test("a decision is on what the supervisor read: without it 400, changed since 409 (neither approved nor rejected), as read now it goes", async ({
  request,
  browser,
}) => {
  const { ids } = await bigGroups(request);
  const name = `审阅后被修改-${crypto.randomUUID().slice(0, 6)}`;
  const id = await heldAndScheduled(request, name, ids);
  const { context } = await asSupervisor(browser);
  const supervisor = context.request;
  const read = await (await supervisor.get(`/api/pushes/${id}`)).json();
  expect(read.rescheduled_at).toBeNull();

  // Not saying what was read (a page from before it was asked: told to reload), or not as it was read: refused.
  for (const data of [{}, { reason: "范围太大" }, { rescheduled_at: 1 }, { rescheduled_at: "2026-01-01T00:00:00.000Z" }]) {
    const kind = "reason" in data ? "reject" : "approve";
    const refused = await supervisor.post(`/api/approvals/${id}/${kind}`, { data });
    expect(refused.status(), JSON.stringify(data)).toBe(400);
    const { error } = await refused.json();
    expect(error.fields.rescheduled_at).toBe("rescheduled_at 须是你审阅时这条推送的 rescheduled_at 原样（从未修改过的填 null）。");
    if (!("rescheduled_at" in data))
      expect(error.message).toBe("这个页面已更新，请刷新页面后再审批（请求没有带上审阅时这条推送的 rescheduled_at）。");
    if (typeof data.rescheduled_at === "string")
      expect(error.message).toBe("这条推送没有修改过，rescheduled_at 应为 null。请刷新列表后再决定。");
  }

  await authorChanges(request, id, "暴雨预警已升级，请远离河道。");
  const approve = await supervisor.post(`/api/approvals/${id}/approve`, { data: { rescheduled_at: read.rescheduled_at } });
  expect(approve.status()).toBe(409);
  expect((await approve.json()).error).toEqual({
    code: "push_changed",
    message: "这条推送在你审阅后已被演示编辑修改了内容或时间，没有批准。请回到列表看过修改后的内容再决定。",
  });
  const reject = await supervisor.post(`/api/approvals/${id}/reject`, {
    data: { reason: "范围太大", rescheduled_at: read.rescheduled_at },
  });
  expect(reject.status()).toBe(409);
  expect((await reject.json()).error.message).toContain("没有驳回。");
  // A made-up time is no better than an old one.
  const forged = await supervisor.post(`/api/approvals/${id}/approve`, { data: { rescheduled_at: new Date().toISOString() } });
  expect((await forged.json()).error.code).toBe("push_changed");
  expect(await (await request.get(`/api/pushes/${id}`)).json()).toMatchObject({
    status: "pending_approval",
    approved_by: null,
    rejected_by: null,
    body: { voice_content: "暴雨预警已升级，请远离河道。" },
  });

  // Read again, it is approved (to go at its time); nothing has been sent.
  const now = await (await supervisor.get(`/api/pushes/${id}`)).json();
  const approved = await supervisor.post(`/api/approvals/${id}/approve`, { data: { rescheduled_at: now.rescheduled_at } });
  expect(approved.status()).toBe(202);
  expect(await approved.json()).toMatchObject({ id, status: "scheduled" });
  expect((await sim(request)).requests.push_create).toBe(0);
  expect((await request.post(`/api/pushes/${id}/cancel`, { data: {} })).status()).toBe(200);
  await context.close();
});

test("changed by its author while the supervisor reads it, and the list renders again: 驳回 is refused, saying who changed it; the reason typed is kept", async ({
  request,
  browser,
}) => {
  const { ids } = await bigGroups(request);
  const name = `阅读时被修改-${crypto.randomUUID().slice(0, 6)}`;
  const other = `先处理的-${crypto.randomUUID().slice(0, 6)}`;
  const id = await heldAndScheduled(request, name, ids);
  await submit(request, voicePush(other, ids));

  const { context, page } = await asSupervisor(browser);
  await page.goto("/approvals");
  const card = page.getByRole("article", { name });
  await expect(card).toContainText("今晚有暴雨，请远离河道。");
  await card.getByRole("button", { name: "驳回" }).click();
  const dialog = page.getByRole("dialog", { name: "驳回这条推送" });
  await dialog.getByLabel("驳回理由").fill("范围太大，请只发给城东片区");
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await authorChanges(request, id, "暴雨预警已升级，请远离河道。");

  // Another push decided here: the list renders again, and the card now shows the change.
  await page.getByRole("article", { name: other }).getByRole("button", { name: "驳回" }).click();
  await dialog.getByLabel("驳回理由").fill("测试结束");
  await dialog.getByRole("button", { name: "确认驳回" }).click();
  await expect(page.getByRole("status")).toHaveText(`已驳回「${other}」。`);
  await expect(card).toContainText("暴雨预警已升级，请远离河道。");
  await expect(card).toContainText(/，演示编辑修改于 ?\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);

  // Decided on as the page first showed it: refused, and said so.
  await card.getByRole("button", { name: "驳回" }).click();
  await expect(dialog.getByLabel("驳回理由")).toHaveValue("范围太大，请只发给城东片区");
  await dialog.getByRole("button", { name: "确认驳回" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(
    "这条推送在你审阅后已被演示编辑修改了内容或时间，没有驳回。请回到列表看过修改后的内容再决定。",
  );
  await expect(dialog.getByRole("button", { name: "确认驳回" })).toHaveCount(0);
  await expect(dialog.getByRole("button", { name: "返回列表" })).toBeFocused();
  await dialog.getByRole("button", { name: "返回列表" }).click();
  expect(await (await request.get(`/api/pushes/${id}`)).json()).toMatchObject({ status: "pending_approval", rejected_by: null });

  // Back at the card, having read the change: the same reason is still there, and goes through.
  await card.getByRole("button", { name: "驳回" }).click();
  await expect(dialog.getByLabel("驳回理由")).toHaveValue("范围太大，请只发给城东片区");
  await dialog.getByRole("button", { name: "确认驳回" }).click();
  await expect(page.getByRole("status")).toHaveText(`已驳回「${name}」。`);
  await context.close();
  expect(await (await request.get(`/api/pushes/${id}`)).json()).toMatchObject({
    status: "rejected",
    reject_reason: "范围太大，请只发给城东片区",
    body: { voice_content: "暴雨预警已升级，请远离河道。" },
  });
  expect((await sim(request)).requests.push_create).toBe(0);
});

test("after 确认批准并发送 and 确认驳回 focus goes to the next card, then to why the list is empty, never to the page's top", async ({
  request,
  playwright,
  browser,
}) => {
  // A fresh editor of this test's own, so the filtered list holds exactly its two pushes.
  const admin = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, storageState: STATE.admin });
  const username = `focus-${Date.now().toString(36)}`;
  const password = "focus-editor-password";
  expect((await admin.post("/api/admin/users", { data: { username, name: "焦点编辑", roles: ["editor"], password } })).status()).toBe(201);
  await admin.dispose();
  const author = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL,
    storageState: { cookies: [], origins: [] },
  });
  expect((await author.post("/api/auth/sign-in/username", { data: { username, password } })).ok()).toBe(true);
  const { ids } = await bigGroups(request);
  for (const label of ["甲", "乙"]) expect((await submit(author, voicePush(`焦点${label}-${username}`, ids))).status()).toBe(202);
  await author.dispose();

  const { context, page } = await asSupervisor(browser);
  await page.goto(`/approvals?sent_by=${username}`);
  const cards = page.getByRole("article");
  await expect(cards).toHaveCount(2);
  const [first, second] = await Promise.all([cards.nth(0).getAttribute("aria-label"), cards.nth(1).getAttribute("aria-label")]);

  await cards.nth(0).getByRole("button", { name: "批准并发送" }).click();
  // It cannot be undone and asks nothing: the safe choice has the first focus.
  const approve = page.getByRole("dialog", { name: "批准并发送这条推送？" });
  await expect(approve.getByRole("button", { name: "取消" })).toBeFocused();
  await approve.getByRole("button", { name: "确认批准并发送" }).click();
  await expect(page.getByRole("status")).toHaveText(`已批准并发出「${first}」。`);
  await expect(page.locator(":focus")).toHaveText(second!);
  await expect(page.getByRole("article", { name: first! })).toHaveCount(0);
  await expect(page.locator(":focus")).toHaveText(second!);

  // The last one on the page: once it is decided, the list says why it is empty, and focus is there.
  await page.getByRole("article", { name: second! }).getByRole("button", { name: "驳回" }).click();
  const reject = page.getByRole("dialog", { name: "驳回这条推送" });
  // What it needs first: the reason.
  await expect(reject.getByLabel("驳回理由")).toBeFocused();
  await reject.getByLabel("驳回理由").fill("测试焦点");
  await reject.getByRole("button", { name: "确认驳回" }).click();
  await expect(page.getByRole("status")).toHaveText(`已驳回「${second}」。`);
  await expect(page.locator(":focus")).toHaveText("没有符合筛选条件的待审批推送。");
  await context.close();
  expect((await sim(request)).requests.push_create).toBe(1);
});
