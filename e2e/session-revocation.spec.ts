import {
  expect,
  request as requests,
  test,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Locator,
} from "@playwright/test";
import { STATE, signInOnPage } from "./support/auth";
import { fillCommon, firstGroups } from "./support/compose";
import { submit, voicePush } from "./support/pushes";
import { inBeijing } from "./support/schedule";

// The session is checked against its stored row on every request: signing out, a new password and
// disabling the account each end a session on the very next request, with the cookie replayed as it was.

const PASSWORD = "revocation-pw-1";

async function signIn(request: APIRequestContext, username: string, password = PASSWORD): Promise<string> {
  const response = await request.post("/api/auth/sign-in/username", { data: { username, password } });
  expect(response.status()).toBe(200);
  const cookie = response.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("chuanbo.session_token="));
  return cookie!.value.split(";")[0]!;
}

const status = async (request: APIRequestContext, cookie: string) =>
  (await request.get("/api/groups?current=1&size=1", { headers: { cookie } })).status();

/** A browser with no session yet, on a page of its own. */
async function signedOutPage(browser: Browser) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  return { context, page: await context.newPage() };
}

/** A browser signed in as `username` on the sign-in page it was sent to from `path`, back on `path`. */
async function signedInAt(browser: Browser, path: string, username: string) {
  const { context, page } = await signedOutPage(browser);
  await page.goto(path);
  await signInOnPage(page, username);
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  return { context, page };
}

/** Ends this browser's session from another client (another device or tab); the browser keeps its cookie. */
async function endSessionElsewhere(context: BrowserContext) {
  const elsewhere = await requests.newContext({ baseURL: test.info().project.use.baseURL, storageState: await context.storageState() });
  expect((await elsewhere.post("/api/auth/sign-out", { data: {} })).status()).toBe(200);
  await elsewhere.dispose();
}

/** What a call made in the browser says once the session has ended, before its 在新标签页登录 link. */
const ENDED =
  "未登录或登录已失效（已过期、已在别处退出，或密码已被管理员重置），请重新登录。在新标签页登录后回到这里重试，这里的内容会保持原样。";

/** Follows `failed`'s 在新标签页登录 link, signs in there as `username`, sees the tab land on `back`, and closes it. */
async function signInAgainInNewTab(context: BrowserContext, failed: Locator, username: string, back: RegExp) {
  const [tab] = await Promise.all([context.waitForEvent("page"), failed.getByRole("link", { name: "在新标签页登录" }).click()]);
  await signInOnPage(tab, username);
  await expect(tab).toHaveURL(back);
  await tab.close();
}

test("sign-out, a new password and disabling each end the session on the very next request", async ({ playwright }) => {
  const baseURL = test.info().project.use.baseURL;
  const admin = await playwright.request.newContext({ baseURL, storageState: STATE.admin });
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const username = `revoke-${Date.now().toString(36)}`;
  const created = await admin.post("/api/admin/users", { data: { username, name: "会话测试", roles: ["editor"], password: PASSWORD } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  // Sign-out: the cookie captured before it no longer works.
  const first = await signIn(anonymous, username);
  expect(await status(anonymous, first)).toBe(200);
  expect((await anonymous.post("/api/auth/sign-out", { headers: { cookie: first }, data: {} })).status()).toBe(200);
  expect(await status(anonymous, first)).toBe(401);

  // A new password set by an admin.
  const second = await signIn(anonymous, username);
  expect(await status(anonymous, second)).toBe(200);
  expect((await admin.patch(`/api/admin/users/${id}`, { data: { password: "revocation-pw-2" } })).status()).toBe(200);
  expect(await status(anonymous, second)).toBe(401);

  // Disabled by an admin.
  const third = await signIn(anonymous, username, "revocation-pw-2");
  expect(await status(anonymous, third)).toBe(200);
  // The live token with a signature not made by this console's secret is refused.
  const [name, value] = third.split("=") as [string, string];
  const token = decodeURIComponent(value).split(".")[0]!;
  expect(await status(anonymous, `${name}=${encodeURIComponent(`${token}.${"A".repeat(43)}=`)}`)).toBe(401);
  expect((await admin.patch(`/api/admin/users/${id}`, { data: { disabled: true } })).status()).toBe(200);
  expect(await status(anonymous, third)).toBe(401);

  await anonymous.dispose();
  await admin.dispose();
});

test("a page opened after the session ended elsewhere says so on sign-in, and signing in returns there; a first visit is not told so", async ({
  browser,
}) => {
  const { context, page } = await signedOutPage(browser);
  await page.goto("/groups");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fgroups$/);
  await expect(page.getByRole("heading", { name: "登录传播通控制台" })).toBeVisible();
  await expect(page.getByText("登录已失效")).toHaveCount(0);
  await signInOnPage(page, "demo-supervisor");
  await expect(page).toHaveURL(/\/groups$/);

  // Signed out on another device: the same session, ended from another client; this browser keeps its cookie.
  await endSessionElsewhere(context);
  await page.goto("/tags");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Ftags&expired=1$/);
  await expect(
    page.getByText(
      "登录已失效（已过期、已在别处退出，或密码已被管理员重置），请重新登录；登录后回到刚才的页面。密码不对时，请向管理员索取新密码。",
    ),
  ).toBeVisible();
  await signInOnPage(page, "demo-supervisor");
  await expect(page).toHaveURL(/\/tags$/);
  await context.close();
});

test("a push sent after the session ended in another tab says it was not sent, links to sign-in, and the draft waits on return", async ({
  browser,
  playwright,
}) => {
  const baseURL = test.info().project.use.baseURL;
  const { context, page } = await signedInAt(browser, "/compose", "demo-editor2");
  const name = `会话结束-${Date.now().toString(36)}`;
  const groups = await firstGroups(page.request, 1);
  await fillCommon(page, groups, name);
  await page.getByLabel("推送标题").fill("停水通知");
  await page.getByLabel("推送内容").fill("明天 8:00 至 12:00 停水。");

  // Signed out in another tab: the session this page holds has ended.
  await endSessionElsewhere(context);

  await page.getByRole("button", { name: "发送…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认发送" }).click();
  await expect(page.getByText("没有发出：登录已失效（已过期、已在别处退出，或密码已被管理员重置）。")).toBeVisible();
  await expect(page).toHaveURL(/\/compose$/);
  await expect(page.getByLabel("推送名字")).toHaveValue(name);

  await page.getByRole("link", { name: "重新登录" }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fcompose&expired=1$/);
  await signInOnPage(page, "demo-editor2");
  await expect(page).toHaveURL(/\/compose$/);
  await expect(page.getByLabel("推送名字")).toHaveValue(name);
  await expect(page.getByLabel("推送内容")).toHaveValue("明天 8:00 至 12:00 停水。");
  // Nothing went out: no record has its name.
  const supervisor = await playwright.request.newContext({ baseURL, storageState: STATE.supervisor });
  const records = (await (await supervisor.get(`/api/pushes?q=${encodeURIComponent(name)}`)).json()) as { total: number };
  expect(records.total).toBe(0);
  await supervisor.dispose();
  await context.close();
});

test("a group search after the session ended says why and links to sign in in a new tab; back here, 重试 finds the groups and the draft is as it was", async ({
  browser,
}) => {
  const { context, page } = await signedInAt(browser, "/compose", "demo-editor2");
  const name = `会话结束搜索-${Date.now().toString(36)}`;
  await page.getByLabel("推送名字").fill(name);
  // The list is open from the start on a wide screen.
  await expect(page.getByRole("list", { name: "用户组", exact: true })).toBeVisible();

  await endSessionElsewhere(context);

  await page.getByRole("searchbox", { name: "搜索用户组" }).fill("网格");
  const failed = page.getByRole("alert").filter({ hasText: "读取用户组失败" });
  await expect(failed).toContainText(ENDED);
  const link = failed.getByRole("link", { name: "在新标签页登录" });
  await expect(link).toHaveAttribute("href", `/sign-in?next=${encodeURIComponent("/compose")}&expired=1&tab=new`);
  await signInAgainInNewTab(context, failed, "demo-editor2", /\/compose$/);

  await failed.getByRole("button", { name: "重试" }).click();
  const list = page.getByRole("list", { name: "用户组", exact: true });
  await expect(list.getByRole("checkbox").first()).toBeVisible();
  await expect(list).toContainText("网格");
  await expect(page.getByLabel("推送名字")).toHaveValue(name);
  await context.close();
});

test("新增用户 after the session ended says why, signs in in a new tab, and the form as typed then adds the user", async ({ browser }) => {
  const { context, page } = await signedInAt(browser, "/admin/users", "demo-admin");
  const username = `after-401-${Date.now().toString(36)}`;
  const form = page.getByRole("form", { name: "新增用户" });
  await form.getByLabel("用户名").fill(username);
  await form.getByLabel("姓名").fill("会话后新增");
  await form.getByLabel("初始密码").fill("after-401-colleague-pw");
  await form.getByLabel("编辑").check();

  await endSessionElsewhere(context);

  await form.getByRole("button", { name: "新增用户" }).click();
  const failed = form.getByRole("alert");
  await expect(failed).toHaveText(ENDED);
  await signInAgainInNewTab(context, failed, "demo-admin", /\/admin\/users$/);

  await expect(form.getByLabel("用户名")).toHaveValue(username);
  await form.getByRole("button", { name: "新增用户" }).click();
  await expect(form.getByRole("status")).toContainText(`已新增用户「会话后新增（${username}）」`);
  await context.close();
});

test("the department list after the session ended says why and links to sign in in a new tab; back here, 重试 lists the departments", async ({
  browser,
}) => {
  const { context, page } = await signedInAt(browser, "/groups", "demo-editor2");
  const department = page.getByLabel("所属部门");
  await expect(department).toBeVisible();

  await endSessionElsewhere(context);

  // The departments are fetched as someone reaches for the filter.
  await department.focus();
  const failed = page.getByRole("alert").filter({ hasText: "部门列表加载失败" });
  await expect(failed).toContainText(ENDED);
  await expect(department).toHaveAccessibleDescription(/部门列表加载失败/);
  await signInAgainInNewTab(context, failed, "demo-editor2", /\/groups$/);

  await failed.getByRole("button", { name: "重试" }).click();
  await expect(department.locator("option", { hasText: "视频部" })).toHaveCount(1);
  await expect(failed).toHaveCount(0);
  // The button that held focus is gone: focus is on the filter it was for.
  await expect(department).toBeFocused();
  await context.close();
});

test("停用 after the session ended says why in the person's row, signs in in a new tab, and then disables them", async ({ browser }) => {
  const { context, page } = await signedInAt(browser, "/admin/users", "demo-admin");
  const username = `after-401-off-${Date.now().toString(36)}`;
  const created = await page.request.post("/api/admin/users", {
    data: { username, name: "会话后停用", roles: ["editor"], password: "after-401-off-pw-1" },
  });
  expect(created.status()).toBe(201);
  await page.reload();
  const who = `会话后停用（${username}）`;
  const row = page.getByRole("row", { name: new RegExp(username) });
  // The list is read in the browser: it must be in before the session ends.
  await expect(row).toContainText("正常");

  await endSessionElsewhere(context);

  await row.getByRole("button", { name: `停用 ${who}` }).click();
  await page
    .getByRole("dialog", { name: `停用「${who}」？` })
    .getByRole("button", { name: "确认停用" })
    .click();
  const failed = row.getByRole("alert");
  await expect(failed).toHaveText(ENDED);
  await expect(failed).toBeFocused();
  await expect(row).toContainText("正常");
  await signInAgainInNewTab(context, failed, "demo-admin", /\/admin\/users$/);

  await row.getByRole("button", { name: `停用 ${who}` }).click();
  await page
    .getByRole("dialog", { name: `停用「${who}」？` })
    .getByRole("button", { name: "确认停用" })
    .click();
  await expect(row.getByRole("status")).toHaveText(`已停用「${who}」，并已让对方在各处退出登录。`);
  await expect(row).toContainText("已停用");
  await context.close();
});

test("a cancel confirmed after the session ended says why, signs in in a new tab, and the dialog with its reason waits to be confirmed", async ({
  browser,
  request,
}) => {
  const name = `会话结束取消-${Date.now().toString(36)}`;
  const created = await submit(request, { ...voicePush(name, [102]), scheduled_at: inBeijing(24 * 3_600_000) });
  const { id, status } = (await created.json()) as { id: string; status: string };
  expect(status).toBe("scheduled");

  const { context, page } = await signedOutPage(browser);
  await page.goto(`/history/${id}`);
  await signInOnPage(page, "demo-supervisor");
  await expect(page).toHaveURL(new RegExp(`/history/${id}$`));
  await page.getByRole("button", { name: "取消定时发送" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("取消理由").fill("活动改期");

  await endSessionElsewhere(context);

  await dialog.getByRole("button", { name: "确认取消，不发送" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(ENDED);
  const link = dialog.getByRole("link", { name: "在新标签页登录" });
  await expect(link).toHaveAttribute("href", `/sign-in?next=${encodeURIComponent(`/history/${id}`)}&expired=1&tab=new`);
  await expect(link).toHaveAttribute("target", "_blank");
  const [tab] = await Promise.all([context.waitForEvent("page"), link.click()]);
  await expect(tab.getByText(/登录已失效.*登录后可以关掉这个标签页，回到原来的标签页重试。/)).toBeVisible();
  await signInOnPage(tab, "demo-supervisor");
  await expect(tab).toHaveURL(new RegExp(`/history/${id}$`));
  await tab.close();

  // Back in the first tab: the dialog and its reason are as they were; confirming now cancels.
  await expect(dialog.getByLabel("取消理由")).toHaveValue("活动改期");
  await dialog.getByRole("button", { name: "确认取消，不发送" }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByText("这条定时推送在发送前被演示审核人（demo-supervisor）取消（理由：活动改期），没有发出；如仍需发送，请复制为新推送。"),
  ).toBeVisible();
  const record = (await (await request.get(`/api/pushes/${id}`)).json()) as Record<string, unknown>;
  expect(record).toMatchObject({ status: "cancelled", cancelled_by: "demo-supervisor", cancel_reason: "活动改期" });
  await context.close();
});
