import { expect, test } from "@playwright/test";
import { STATE } from "./support/auth";
import { bigGroups, notificationTemplate, submit, voicePush } from "./support/pushes";
import { inBeijing } from "./support/schedule";

// 审计日志: what happened is on record, readable by admins only, exportable, and unchangeable.

type Entry = {
  actor: string | null;
  ip: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  summary: string;
};

const CSV_HEADER = '\uFEFF"时间（北京时间）","操作人","IP 地址","操作","操作代码","对象","详情","原始详情（JSON）"';

/** One CSV line's cells (the export quotes every one), unquoted. */
const csvCells = (line: string) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replaceAll('""', '"'));

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
  await supervisor.post(`/api/approvals/${id}/reject`, { data: { reason: "审计测试", rescheduled_at: null } });
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
  expect(text.split("\r\n")[0]).toBe(CSV_HEADER);
  expect(text).toContain(`"demo-supervisor","127.0.0.1","驳回推送","push_rejected","${id}","推送「审计用推送」 · 渠道 语音消息 · 用户组 `);
  expect(text).toContain(' · 驳回理由：审计测试","{');
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

test("an admin reads a push moved by 修改时间 and a new template in Chinese, ids shortened; the CSV says the same words and keeps the stored JSON", async ({
  request,
  playwright,
  browser,
}) => {
  const baseURL = test.info().project.use.baseURL;
  const tag = Date.now().toString(36);
  const name = `审计改时间-${tag}`;
  const scheduled = (await (await submit(request, { ...voicePush(name, [102]), scheduled_at: inBeijing(24 * 3_600_000) })).json()) as {
    id: string;
    status: string;
  };
  expect(scheduled.status).toBe("scheduled");
  const supervisor = await playwright.request.newContext({ baseURL, storageState: STATE.supervisor });
  const moved = await supervisor.post(`/api/pushes/${scheduled.id}/reschedule`, { data: { scheduled_at: inBeijing(25 * 3_600_000) } });
  expect(moved.status()).toBe(200);
  expect((await supervisor.post(`/api/pushes/${scheduled.id}/cancel`, { data: { reason: "改日再发" } })).status()).toBe(200);
  await supervisor.dispose();
  const templateName = `审计模板-${tag}`;
  const created = await request.post("/api/templates", { data: notificationTemplate(templateName) });
  expect(created.status()).toBe(201);
  const template = (await created.json()) as { id: string };

  const context = await browser.newContext({ storageState: STATE.admin });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await context.newPage();
  await page.goto("/admin/audit?action=push_rescheduled&actor=demo-supervisor");
  const row = page.getByRole("row").filter({ hasText: scheduled.id });
  await expect(row).toContainText("修改定时推送");
  await expect(row).toContainText(`推送「${name}」 · 渠道 语音消息 · 用户组 `);
  await expect(row).toContainText(new RegExp(`状态 已定时 · 只改时间 · 修改前「${name}」，定时 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}`));
  await expect(row).not.toContainText(/time_only|true|\{/);

  await page.goto("/admin/audit?action=template_created&actor=demo-editor");
  const templateRow = page.getByRole("row").filter({ hasText: `模板「${templateName}」` });
  await expect(templateRow).toContainText("新建模板");
  await expect(templateRow).toContainText(`${template.id.slice(0, 8)}…`);
  await expect(templateRow).not.toContainText(template.id);
  await expect(templateRow).not.toContainText("推送「");
  await templateRow.getByRole("button", { name: `复制完整编号 ${template.id}` }).click();
  await expect(templateRow.getByRole("status")).toHaveText(`已复制 ${template.id}`);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(template.id);
  await context.close();
  expect((await request.delete(`/api/templates/${template.id}`, { headers: { "content-type": "application/json" } })).status()).toBe(200);

  const admin = await playwright.request.newContext({ baseURL, storageState: STATE.admin });
  const query = `action=push_rescheduled&target=${scheduled.id}`;
  const [entry] = ((await (await admin.get(`/api/audit?${query}`)).json()) as { records: Entry[] }).records;
  const lines = (await (await admin.get(`/api/audit?format=csv&${query}`)).text()).split("\r\n");
  await admin.dispose();
  expect(lines[0]).toBe(CSV_HEADER);
  expect(lines).toHaveLength(3); // the header, the one entry, the closing line break
  const cells = csvCells(lines[1]!);
  expect(cells.slice(1, 6)).toEqual(["demo-supervisor", "127.0.0.1", "修改定时推送", "push_rescheduled", scheduled.id]);
  // 详情 is what the page shows (one wording for both); the stored details follow, as JSON.
  expect(cells[6]).toBe(entry!.summary);
  expect(cells[6]).toContain("只改时间");
  expect(cells[6]).not.toContain("time_only");
  expect(JSON.parse(cells[7]!)).toEqual(entry!.details);
  expect(entry!.details).toMatchObject({ time_only: true, name });
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
  await expect(form.getByRole("status")).toContainText(`已新增用户「新同事（${username}）」`);
  await expect(page.getByRole("row", { name: new RegExp(username) })).toContainText("审核人");

  const colleague = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  expect((await colleague.post("/api/auth/sign-in/username", { data: { username, password: "new-colleague-pw" } })).ok()).toBe(true);
  expect((await colleague.get("/api/approvals")).status()).toBe(200);

  await page.getByRole("button", { name: `停用 新同事（${username}）` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认停用" }).click();
  await expect(page.getByRole("status")).toContainText(`已停用「新同事（${username}）」`);
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
