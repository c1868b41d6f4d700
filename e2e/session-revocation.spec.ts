import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD, STATE } from "./support/auth";
import { fillCommon, firstGroups } from "./support/compose";

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
  playwright,
}) => {
  const baseURL = test.info().project.use.baseURL;
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const signInHere = async () => {
    await page.getByLabel("用户名").fill("demo-supervisor");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录", exact: true }).click();
  };
  await page.goto("/groups");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fgroups$/);
  await expect(page.getByRole("heading", { name: "登录传播通控制台" })).toBeVisible();
  await expect(page.getByText("登录已失效")).toHaveCount(0);
  await signInHere();
  await expect(page).toHaveURL(/\/groups$/);

  // Signed out on another device: the same session, ended from another client; this browser keeps its cookie.
  const elsewhere = await playwright.request.newContext({ baseURL, storageState: await context.storageState() });
  expect((await elsewhere.post("/api/auth/sign-out", { data: {} })).status()).toBe(200);
  await elsewhere.dispose();
  await page.goto("/tags");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Ftags&expired=1$/);
  await expect(
    page.getByText(
      "登录已失效（已过期、已在别处退出，或密码已被管理员重置），请重新登录；登录后回到刚才的页面。密码不对时，请向管理员索取新密码。",
    ),
  ).toBeVisible();
  await signInHere();
  await expect(page).toHaveURL(/\/tags$/);
  await context.close();
});

test("a push sent after the session ended in another tab says it was not sent, links to sign-in, and the draft waits on return", async ({
  browser,
  playwright,
}) => {
  const baseURL = test.info().project.use.baseURL;
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const signInHere = async () => {
    await page.getByLabel("用户名").fill("demo-editor2");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录", exact: true }).click();
  };
  await page.goto("/compose");
  await signInHere();
  await expect(page).toHaveURL(/\/compose$/);
  const name = `会话结束-${Date.now().toString(36)}`;
  const groups = await firstGroups(page.request, 1);
  await fillCommon(page, groups, name);
  await page.getByLabel("推送标题").fill("停水通知");
  await page.getByLabel("推送内容").fill("明天 8:00 至 12:00 停水。");

  // Signed out in another tab: the session this page holds has ended.
  const elsewhere = await playwright.request.newContext({ baseURL, storageState: await context.storageState() });
  expect((await elsewhere.post("/api/auth/sign-out", { data: {} })).status()).toBe(200);
  await elsewhere.dispose();

  await page.getByRole("button", { name: "发送…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认发送" }).click();
  await expect(page.getByText("没有发出：登录已失效（已过期、已在别处退出，或密码已被管理员重置）。")).toBeVisible();
  await expect(page).toHaveURL(/\/compose$/);
  await expect(page.getByLabel("推送名字")).toHaveValue(name);

  await page.getByRole("link", { name: "重新登录" }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fcompose&expired=1$/);
  await signInHere();
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
