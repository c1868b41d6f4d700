import { expect, test } from "@playwright/test";
import { STATE } from "./support/auth";
import { bigGroups, submit, voicePush } from "./support/pushes";

// 审计日志: what happened is on record, readable by admins only, exportable, and unchangeable.

type Entry = { actor: string | null; ip: string | null; action: string; target: string | null; details: Record<string, unknown> };

test("sign-in, failed sign-in, a held push, its rejection and a refused request are on record; admins read and export them", async ({
  request,
  playwright,
  browser,
}) => {
  const baseURL = test.info().project.use.baseURL;
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const wrong = `nobody-${Date.now().toString(36)}`;
  expect((await anonymous.post("/api/auth/sign-in/username", { data: { username: wrong, password: "wrong-password" } })).status()).toBe(
    401,
  );
  await anonymous.dispose();

  const { ids } = await bigGroups(request);
  const { id } = await (await submit(request, voicePush("审计用推送", ids))).json();
  const supervisor = await playwright.request.newContext({ baseURL, storageState: STATE.supervisor });
  await supervisor.post(`/api/approvals/${id}/reject`, { data: { reason: "审计测试" } });
  expect((await supervisor.get("/api/audit")).status()).toBe(403);
  await supervisor.dispose();

  const admin = await playwright.request.newContext({ baseURL, storageState: STATE.admin });
  const find = async (query: string) => ((await (await admin.get(`/api/audit?${query}`)).json()) as { records: Entry[] }).records;
  expect(await find(`action=sign_in_failed&target=${wrong}`)).toEqual([
    expect.objectContaining({ actor: null, ip: "127.0.0.1", target: wrong, details: { status: 401 } }),
  ]);
  expect((await find("action=sign_in&actor=demo-supervisor")).length).toBeGreaterThan(0);
  expect(await find(`target=${id}`)).toEqual([
    expect.objectContaining({
      action: "push_rejected",
      actor: "demo-supervisor",
      details: expect.objectContaining({ reason: "审计测试", sent_by: "demo-editor" }),
    }),
    expect.objectContaining({ action: "push_held", actor: "demo-editor", details: expect.objectContaining({ name: "审计用推送" }) }),
  ]);
  expect(await find("action=access_denied&actor=demo-supervisor&target=/api/audit")).toHaveLength(1);

  const csv = await admin.get("/api/audit?format=csv&action=push_rejected");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["content-disposition"]).toMatch(/attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"/);
  const text = await csv.text();
  expect(text.split("\r\n")[0]).toBe('\uFEFF"时间（北京时间）","操作人","IP 地址","操作","操作代码","对象","详情"');
  expect(text).toContain(`"demo-supervisor","127.0.0.1","审批驳回","push_rejected","${id}"`);
  await admin.dispose();

  const context = await browser.newContext({ storageState: STATE.admin });
  const page = await context.newPage();
  await page.goto("/admin/audit");
  await page.getByLabel("操作", { exact: true }).selectOption({ label: "登录失败" });
  await page.getByRole("button", { name: "筛选", exact: true }).click();
  await expect(page.getByRole("row").filter({ hasText: wrong })).toContainText("登录失败");
  await expect(page.getByRole("link", { name: "导出 CSV" })).toHaveAttribute("href", "/api/audit?action=sign_in_failed&format=csv");
  await context.close();
});

test("an admin adds a user who can then sign in; disabling signs them out everywhere", async ({ playwright, browser }) => {
  const baseURL = test.info().project.use.baseURL;
  const context = await browser.newContext({ storageState: STATE.admin });
  const page = await context.newPage();
  await page.goto("/admin/users");
  const username = `new-${Date.now().toString(36)}`;
  const form = page.getByRole("form", { name: "新增用户" });
  await form.getByRole("button", { name: "新增用户" }).click();
  await expect(form.getByText("至少选择一个角色")).toBeVisible();
  await form.getByLabel("用户名").fill(username);
  await form.getByLabel("姓名").fill("新同事");
  await form.getByLabel("初始密码").fill("new-colleague-pw");
  await form.getByLabel("审核人").check();
  await form.getByRole("button", { name: "新增用户" }).click();
  await expect(page.getByRole("status")).toContainText(`已新增用户 ${username}`);
  await expect(page.getByRole("row", { name: new RegExp(username) })).toContainText("审核人");

  const colleague = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  expect((await colleague.post("/api/auth/sign-in/username", { data: { username, password: "new-colleague-pw" } })).ok()).toBe(true);
  expect((await colleague.get("/api/approvals")).status()).toBe(200);

  await page.getByRole("button", { name: `停用 ${username}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认停用" }).click();
  await expect(page.getByRole("status")).toContainText(`已停用 ${username}`);
  expect((await colleague.get("/api/approvals")).status()).toBe(401);
  const again = await colleague.post("/api/auth/sign-in/username", { data: { username, password: "new-colleague-pw" } });
  expect(again.status()).toBe(403);
  expect((await again.json()).error.message).toContain("已被停用");
  await colleague.dispose();

  const admin = await playwright.request.newContext({ baseURL, storageState: STATE.admin });
  const entries = ((await (await admin.get(`/api/audit?target=${username}`)).json()) as { records: Entry[] }).records;
  expect(entries.map((entry) => entry.action)).toEqual(["sign_in_failed", "user_disabled", "user_created"]);
  await admin.dispose();
  await context.close();
});
