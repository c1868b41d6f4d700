import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./support/auth";
import { loginAtProvider, signOn, startSingleSignOn, throughProvider, type SingleSignOn } from "./support/sso";

// Single sign-on against a real OpenID provider (oidc-provider, on loopback) through the browser:
// a console of its own, configured as the README says, with CONSOLE_URL at its own address.

let sso: SingleSignOn;

test.use({ storageState: { cookies: [], origins: [] } });

test.beforeAll(async () => {
  sso = await startSingleSignOn("sso", { OIDC_DEFAULT_ROLES: "supervisor" });
});

test.afterAll(async () => {
  await sso?.stop();
});

/** The page's own alerts (Next.js keeps an empty one for route announcements). */
const alert = (page: Page) => page.locator('[role="alert"]:not(#__next-route-announcer__)');

/**
 * Like throughProvider, but the consent is given by the test's own requests (with the browser's
 * cookies), so the provider's redirect back to the console is read rather than followed.
 */
async function callbackFromProvider(page: Page, login: string): Promise<URL> {
  await loginAtProvider(page, sso, login);
  const consent = page.locator("form").filter({ has: page.getByRole("button", { name: "Continue" }) });
  const action = new URL((await consent.getAttribute("action"))!, page.url());
  let response = await page.request.post(action.toString(), { form: { prompt: "consent" }, maxRedirects: 0 });
  for (let hop = 0; hop < 5 && response.status() >= 300 && response.status() < 400; hop++) {
    const next = new URL(response.headers()["location"]!, response.url());
    if (next.origin === sso.url) return next;
    response = await page.request.get(next.toString(), { maxRedirects: 0 });
  }
  throw new Error(`the provider did not send the browser back: ${response.status()} ${await response.text()}`);
}

/** `cookie` of a page's context for the console, for a request of the test's own. */
async function cookieOf(page: Page): Promise<string> {
  const cookies = await page.context().cookies(sso.url);
  return cookies
    .filter((cookie) => cookie.name.startsWith("chuanbo"))
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .join("; ");
}

async function adminCookie(): Promise<string> {
  const response = await fetch(`${sso.url}/api/auth/sign-in/username`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "demo-admin", password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

type UserRecord = { id: string; username: string; name: string; roles: string[]; disabled: boolean; sso: boolean };
async function users(cookie: string): Promise<UserRecord[]> {
  const response = await fetch(`${sso.url}/api/admin/users`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { records: UserRecord[] }).records;
}

async function sessionOf(cookie: string): Promise<unknown> {
  const response = await fetch(`${sso.url}/api/auth/get-session`, { headers: { cookie } });
  return response.json();
}

test("a first sign-on creates the user with OIDC_DEFAULT_ROLES and lands on the page asked for, with that role's menu", async ({
  page,
}) => {
  await signOn(page, sso, "li-ming", "/history");
  await expect(page).toHaveURL(`${sso.url}/history`);
  await expect(page.getByText("统一认证 li-ming")).toBeVisible();
  const nav = page.getByRole("navigation", { name: "主导航" });
  await expect(nav.getByRole("link", { name: "待审批" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "创建推送" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "用户管理" })).toHaveCount(0);
  const user = (await users(await adminCookie())).find((record) => record.username === "li-ming");
  expect(user).toMatchObject({ name: "统一认证 li-ming", roles: ["supervisor"], sso: true, disabled: false });
});

test("a disabled console user is refused at the next sign-on, with a Chinese message", async ({ page, browser }) => {
  const admin = await adminCookie();
  await signOn(page, sso, "wang-fang");
  const signedIn = await cookieOf(page);
  const user = (await users(admin)).find((record) => record.username === "wang-fang")!;
  const disabled = await fetch(`${sso.url}/api/admin/users/${user.id}`, {
    method: "PATCH",
    headers: { cookie: admin, "content-type": "application/json" },
    body: JSON.stringify({ disabled: true }),
  });
  expect(disabled.status).toBe(200);
  // Disabling ended the session it had.
  expect(await sessionOf(signedIn)).toBeNull();

  const again = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await throughProvider(again, sso, "wang-fang");
  await again.waitForURL((url) => url.origin === sso.url && url.pathname === "/sign-in");
  await expect(alert(again)).toHaveText("这个账号已被停用。如需恢复，请联系管理员。");
  expect(await sessionOf(await cookieOf(again))).toBeNull();
  await again.context().close();
});

test("a tampered state on the callback is refused: no session, a Chinese error on the sign-in page", async ({ page, browser }) => {
  const callback = await callbackFromProvider(page, "zhao-lei");
  const tampered = new URL(callback);
  const state = tampered.searchParams.get("state")!;
  expect(state).toBeTruthy();
  tampered.searchParams.set("state", `${state.slice(0, -1)}${state.endsWith("A") ? "B" : "A"}`);

  const response = await page.goto(tampered.toString());
  expect(response?.status()).toBe(200);
  expect(new URL(page.url()).pathname).toBe("/sign-in");
  await expect(alert(page)).toHaveText(/单点登录没有完成：这次登录的请求已失效、已用过或被改动。/);
  await expect(page.locator("body")).not.toContainText(/Error|state_|at \w+ \(/);
  expect(await sessionOf(await cookieOf(page))).toBeNull();
  // Nobody was created for it either.
  expect((await users(await adminCookie())).some((record) => record.username === "zhao-lei")).toBe(false);

  // The same steps with the state as the provider sent it do sign in: the tampering is what was refused.
  const control = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await control.goto((await callbackFromProvider(control, "zhao-lei")).toString());
  await expect(control.getByText("统一认证 zhao-lei")).toBeVisible();
  await control.context().close();

  // Whatever an address carries in error_description is never shown.
  await page.goto(
    `${sso.url}/sign-in?sso=failed&error=%3Cb%3Ex%3C%2Fb%3E&error_description=${encodeURIComponent("账号已被盗，请拨打 400")}`,
  );
  await expect(alert(page)).toHaveText("单点登录没有成功。请回到本页重新点击单点登录按钮；如果一直如此，请联系管理员。");
  await expect(page.locator("body")).not.toContainText("400");
});

test("signing out of the console ends the single sign-on session: the old cookie gets 401, a page goes to sign-in", async ({ page }) => {
  await signOn(page, sso, "chen-jing");
  const cookie = await cookieOf(page);
  expect((await fetch(`${sso.url}/api/options`, { headers: { cookie } })).status).toBe(200);
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.waitForURL((url) => url.pathname === "/sign-in");

  const api = await fetch(`${sso.url}/api/options`, { headers: { cookie } });
  expect(api.status).toBe(401);
  expect(((await api.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
  const pageAnswer = await fetch(`${sso.url}/groups`, { headers: { cookie }, redirect: "manual" });
  expect(pageAnswer.status).toBe(307);
  expect(new URL(pageAnswer.headers.get("location")!, sso.url).pathname).toBe("/sign-in");
});

test("a provider account claiming a console account's email does not sign in as that account", async ({ page }) => {
  await throughProvider(page, sso, "as:demo-admin");
  await page.waitForURL((url) => url.origin === sso.url && url.pathname === "/sign-in");
  await expect(alert(page)).toHaveText("统一身份认证提供的邮箱已属于控制台的另一个账号，没有登录。请联系管理员处理。");
  expect(await sessionOf(await cookieOf(page))).toBeNull();
});

test("a provider login named like an existing console account is refused with a Chinese message, not an error page", async ({ page }) => {
  await throughProvider(page, sso, "demo-editor");
  await page.waitForURL((url) => url.origin === sso.url && url.pathname === "/sign-in");
  await expect(alert(page)).toHaveText("统一身份认证提供的用户名已被控制台的另一个账号使用，没有登录。请联系管理员处理。");
  expect(await sessionOf(await cookieOf(page))).toBeNull();
});
