import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD, STATE } from "./support/auth";
import { firstGroups } from "./support/compose";
import { startConsole } from "./support/console-process";
import { audit, call, signIn } from "./support/from-address";
import { bigGroups, submit, voicePush } from "./support/pushes";
import { inBeijing } from "./support/schedule";
import { controlSimulator } from "./support/simulator";
import type { Group } from "../lib/validations/group";
import type { PushRecord } from "../lib/validations/push-record";

// Lists people search and share (issue 10, items 4, 12, 13): history, approvals and the audit log
// filter on the server (words taken literally, days, channel, status, sender), keep every filter
// and the page in the URL, and show groups by name and audit details in words.

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const yesterday = () => new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);

test.beforeEach(async ({ request }) => {
  await controlSimulator(request, { reset: true });
});

const sms = (name: string, group: number, msg_template = "明天停水") => ({
  name,
  section_id: 90,
  chuanbo_type_id: 38,
  notify_way: 2,
  chuanbo_group: [group],
  msg_sign_id: 50,
  msg_template,
});

async function send(request: APIRequestContext, body: object, expected = 201): Promise<string> {
  const response = await submit(request, body);
  expect(response.status(), await response.text()).toBe(expected);
  return ((await response.json()) as { id: string }).id;
}

async function names(request: APIRequestContext, path: string, query: Record<string, string>): Promise<string[]> {
  const response = await request.get(`${path}?${new URLSearchParams(query)}`);
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { records: PushRecord[] }).records.map((r) => r.name);
}

async function refused(request: APIRequestContext, path: string, query: string) {
  const response = await request.get(`${path}?${query}`);
  expect(response.status()).toBe(400);
  return ((await response.json()) as { error: { code: string; message: string; fields: Record<string, string> } }).error;
}

test("GET /api/pushes searches words literally and filters by days, channel, status and sender; bad values are 400 in Chinese", async ({
  request,
  playwright,
}) => {
  const [group] = await firstGroups(request, 1);
  const tag = randomUUID().slice(0, 8);
  await send(request, sms(`满意度 100%-${tag}`, group!.id));
  await send(request, sms(`满意度 100 分-${tag}`, group!.id));
  await send(request, sms(`停水通知-${tag}`, group!.id, `明天_停水-${tag}`));
  await send(request, sms(`停电通知-${tag}`, group!.id, `明天x停水-${tag}`));
  await send(request, { ...voicePush(`语音-${tag}`, [group!.id]), voice_content: `请注意 ${tag}` });
  const scheduledId = await send(request, { ...sms(`定时-${tag}`, group!.id), scheduled_at: inBeijing(3_600_000) }, 202);
  const editor2 = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, storageState: STATE.editor2 });
  await send(editor2, sms(`另一位编辑-${tag}`, group!.id));

  const list = (query: Record<string, string>) => names(request, "/api/pushes", { size: "50", ...query });
  // % and _ are the words people typed, not wildcards.
  expect(await list({ q: `100%-${tag}` })).toEqual([`满意度 100%-${tag}`]);
  expect(await list({ q: `明天_停水-${tag}` })).toEqual([`停水通知-${tag}`]);
  // Words in the content (SMS template, voice text) count as much as in the name.
  expect(await list({ q: `请注意 ${tag}` })).toEqual([`语音-${tag}`]);
  expect(await list({ q: tag, notify_way: "3" })).toEqual([`语音-${tag}`]);
  expect(await list({ q: tag, sent_by: "demo-editor2" })).toEqual([`另一位编辑-${tag}`]);
  // The sender by part of the name the lists show (a username is exact); each record names its people.
  expect(await list({ q: tag, sent_by: "演示编辑（二）" })).toEqual([`另一位编辑-${tag}`]);
  expect(await list({ q: tag, sent_by: "(二)" })).toEqual([`另一位编辑-${tag}`]);
  expect(await list({ q: tag, sent_by: "演示" })).toHaveLength(7);
  expect(await list({ q: tag, sent_by: "demo" })).toEqual([]);
  const byEditor2 = (await (await request.get(`/api/pushes?q=${tag}&sent_by=demo-editor2`)).json()) as {
    records: Array<{ names: unknown }>;
  };
  expect(byEditor2.records[0]!.names).toEqual({ "demo-editor2": "演示编辑（二）" });
  expect(await list({ q: tag, status: "scheduled" })).toEqual([`定时-${tag}`]);
  expect(await list({ q: tag, from: today(), to: today() })).toHaveLength(7);
  expect(await list({ q: tag, to: yesterday() })).toEqual([]);
  expect(await list({ q: tag, from: "", to: "", notify_way: "" })).toHaveLength(7);

  // Hostile values: named, in Chinese, never a 500 and never a wildcard.
  const badDay = await refused(request, "/api/pushes", "from=2026-02-30");
  expect(badDay).toMatchObject({ code: "invalid_request", message: "查询参数有误。" });
  expect(badDay.fields.from).toMatch(/日期须是.*真实的一天/);
  expect((await refused(request, "/api/pushes", "to=tomorrow")).fields.to).toMatch(/YYYY-MM-DD/);
  expect((await refused(request, "/api/pushes", `from=${today()}&to=${yesterday()}`)).fields.to).toBe("结束日期不能早于开始日期");
  expect((await refused(request, "/api/pushes", `q=${"字".repeat(101)}`)).fields.q).toBe("搜索词最多 100 个字");
  expect((await refused(request, "/api/pushes", "status=sent%27%20OR%201%3D1")).fields.status).toMatch(/status 只能是/);
  expect((await request.get(`/api/pushes?q=${encodeURIComponent("'); DROP TABLE pushes; --")}`)).status()).toBe(200);

  expect((await request.post(`/api/pushes/${scheduledId}/cancel`, { data: {} })).status()).toBe(200);
  await editor2.dispose();
});

test("approvals filter by channel, sender and days; the audit log refuses bad days the same way", async ({ request, playwright }) => {
  const baseURL = test.info().project.use.baseURL;
  const { ids } = await bigGroups(request);
  const tag = randomUUID().slice(0, 8);
  await send(request, voicePush(`待审语音-${tag}`, ids), 202);
  await send(request, { ...sms(`待审短信-${tag}`, ids[0]!), chuanbo_group: ids }, 202);
  const supervisor = await playwright.request.newContext({ baseURL, storageState: STATE.supervisor });
  const held = (query: Record<string, string>) => names(supervisor, "/api/approvals", { size: "100", ...query });
  const mine = (await held({ sent_by: "demo-editor" })).filter((n) => n.includes(tag));
  expect(mine.sort()).toEqual([`待审短信-${tag}`, `待审语音-${tag}`]);
  expect((await held({ notify_way: "3", from: today() })).filter((n) => n.includes(tag))).toEqual([`待审语音-${tag}`]);
  expect((await held({ sent_by: "demo-editor2" })).filter((n) => n.includes(tag))).toEqual([]);
  expect((await held({ to: yesterday() })).filter((n) => n.includes(tag))).toEqual([]);
  expect((await refused(supervisor, "/api/approvals", `from=${today()}&to=${yesterday()}`)).fields.to).toBe("结束日期不能早于开始日期");
  expect((await refused(supervisor, "/api/approvals", "from=2026-13-01")).fields.from).toMatch(/真实的一天/);
  // Each held record says its groups by name.
  const records = ((await (await supervisor.get(`/api/approvals?sent_by=demo-editor&size=100`)).json()) as { records: PushRecord[] })
    .records;
  const record = records.find((r) => r.name === `待审语音-${tag}`)!;
  expect(record.groups).toHaveLength(ids.length);
  expect(record.groups![0]).toMatchObject({ id: ids[0], title: expect.any(String), type: expect.any(Number) });
  await supervisor.dispose();

  const admin = await playwright.request.newContext({ baseURL, storageState: STATE.admin });
  expect((await refused(admin, "/api/audit", `from=${today()}&to=${yesterday()}`)).fields.to).toBe("结束日期不能早于开始日期");
  expect((await refused(admin, "/api/audit", "from=2026-02-30")).fields.from).toMatch(/真实的一天/);
  await admin.dispose();
});

async function groupsAt(request: APIRequestContext): Promise<Group[]> {
  return ((await (await request.get("/api/groups?size=100")).json()) as { records: Group[] }).records;
}

test("history and a record show groups by name, type and 人数; #id once the group is gone; vendor text and ids under 详情", async ({
  page,
  request,
}) => {
  const groups = await groupsAt(request);
  const kept = groups.find((g) => g.pnum !== null && g.id !== Math.max(...groups.map((x) => x.id)))!;
  // The simulator's groups are numbered in order; fewer of them drops the highest id.
  const doomed = groups.reduce((a, b) => (b.id > a.id ? b : a));
  const tag = randomUUID().slice(0, 8);
  const id = await send(request, { ...sms(`名称-${tag}`, kept.id), chuanbo_group: [kept.id, doomed.id] });

  await page.goto(`/history?q=${tag}`);
  const row = page.getByRole("row").filter({ hasText: `名称-${tag}` });
  await expect(row.getByRole("link", { name: kept.title })).toHaveAttribute("href", `/groups/${kept.id}`);
  await expect(row).toContainText(`${kept.pnum!.toLocaleString("en-US")} 人`);
  await expect(row).not.toContainText(`#${kept.id}`);
  await expect(row).not.toContainText("success");

  await page.getByRole("link", { name: `名称-${tag}` }).click();
  const content = page.getByRole("region", { name: "发送的内容" });
  await expect(content.getByRole("link", { name: doomed.title })).toBeVisible();
  // The vendor's "success" and the request id are in the record, under 详情, closed at first.
  const details = page.getByText("详情", { exact: true });
  await expect(page.getByText("success")).toBeHidden();
  await details.click();
  await expect(page.getByText(/^success（code 0）$/)).toBeVisible();
  await expect(page.getByText(id, { exact: true })).toBeVisible();

  // The vendor no longer has the last group: the record says #id, the rest still by name.
  await controlSimulator(request, { groupCount: groups.length - 1 });
  await page.reload();
  await expect(content).toContainText(`#${doomed.id}（已不存在）`);
  await expect(content.getByRole("link", { name: kept.title })).toBeVisible();
});

async function expectSameList(page: Page, url: RegExp, names: string[]) {
  await expect(page).toHaveURL(url);
  for (const name of names) await expect(page.getByRole("link", { name })).toBeVisible();
}

test("history keeps its filters and page in the URL: reload, a copied link and back/forward show the same list", async ({
  page,
  request,
  browser,
}) => {
  test.slow();
  const [group] = await firstGroups(request, 1);
  const tag = randomUUID().slice(0, 8);
  await send(request, sms(`链接短信-${tag}`, group!.id));
  await send(request, { ...voicePush(`链接语音-${tag}`, [group!.id]) });

  await page.goto("/history");
  await page.getByRole("searchbox", { name: "搜索" }).fill(tag);
  await page.getByLabel("从").fill(today());
  await page.getByLabel("到").fill(today());
  await page.getByRole("button", { name: "筛选", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`q=${tag}`));
  await expect(page.getByRole("link", { name: `链接语音-${tag}` })).toBeVisible();
  await page.getByLabel("推送类型").selectOption({ label: "短信推送" });
  await expect(page).toHaveURL(/notify_way=2/);
  await expect(page.getByRole("link", { name: `链接语音-${tag}` })).toBeHidden();
  await expectSameList(page, /notify_way=2/, [`链接短信-${tag}`]);

  await page.reload();
  await expect(page.getByRole("searchbox", { name: "搜索" })).toHaveValue(tag);
  await expect(page.getByLabel("从")).toHaveValue(today());
  await expect(page.getByLabel("推送类型")).toHaveValue("2");
  await expectSameList(page, /notify_way=2/, [`链接短信-${tag}`]);
  await expect(page.getByRole("link", { name: `链接语音-${tag}` })).toBeHidden();

  const shared = await browser.newContext({ storageState: STATE.supervisor });
  const other = await shared.newPage();
  await other.goto(page.url());
  await expect(other.getByRole("searchbox", { name: "搜索" })).toHaveValue(tag);
  await expectSameList(other, /notify_way=2/, [`链接短信-${tag}`]);
  await expect(other.getByRole("link", { name: `链接语音-${tag}` })).toBeHidden();
  await shared.close();

  await page.goBack();
  await expect(page).not.toHaveURL(/notify_way/);
  await expect(page.getByLabel("推送类型")).toHaveValue("");
  await expect(page.getByRole("link", { name: `链接语音-${tag}` })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole("link", { name: `链接语音-${tag}` })).toBeHidden();

  // An inverted range is said beside the fields, and nothing is asked of the server.
  await page.getByLabel("从").fill(today());
  await page.getByLabel("到").fill(yesterday());
  await page.getByRole("button", { name: "筛选", exact: true }).click();
  await expect(page.getByRole("search").getByRole("alert")).toHaveText("结束日期不能早于开始日期");
  await expect(page).not.toHaveURL(new RegExp(`to=${yesterday()}`));
  // A link someone edited by hand gets the server's word, in Chinese.
  await page.goto(`/history?from=${today()}&to=${yesterday()}`);
  await expect(page.getByRole("alert").filter({ hasText: "推送记录没有加载出来" })).toContainText("结束日期不能早于开始日期");
  // The page is in the URL too: past the last, it says so and leads back, the filter kept.
  await page.goto(`/history?q=${tag}&size=10&page=2`);
  const past = page.getByRole("status").filter({ hasText: "第 2 页没有内容" });
  await expect(past).toContainText(/共 \d+ 条，只有 1 页。/);
  await past.getByRole("link", { name: "去第 1 页（最后一页）" }).click();
  await expect(page.getByRole("link", { name: `链接语音-${tag}` })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`q=${tag}`));
});

test("approvals and the audit log keep their filters in the URL; audit 详情 reads in words with group names", async ({
  browser,
  request,
}) => {
  const { ids, reach } = await bigGroups(request);
  const groups = await groupsAt(request);
  const tag = randomUUID().slice(0, 8);
  const heldId = await send(request, voicePush(`审计词句-${tag}`, ids), 202);

  const supervisorContext = await browser.newContext({ storageState: STATE.supervisor });
  const supervisor = await supervisorContext.newPage();
  await supervisor.goto("/approvals");
  await supervisor.getByLabel("推送类型").selectOption({ label: "语音消息" });
  await supervisor.getByRole("searchbox", { name: "提交人" }).fill("demo-editor");
  await supervisor.getByRole("button", { name: "筛选", exact: true }).click();
  await expect(supervisor).toHaveURL(/notify_way=3.*sent_by=demo-editor|sent_by=demo-editor.*notify_way=3/);
  const card = supervisor.getByRole("article", { name: `审计词句-${tag}` });
  // The card names each group, with its type and 人数.
  await expect(card.getByRole("link", { name: groups.find((g) => g.id === ids[0])!.title })).toBeVisible();
  await supervisor.reload();
  await expect(supervisor.getByRole("searchbox", { name: "提交人" })).toHaveValue("demo-editor");
  await expect(card).toBeVisible();
  await supervisor.getByLabel("推送类型").selectOption({ label: "短信推送" });
  await expect(card).toBeHidden();
  await supervisor.goBack();
  await expect(card).toBeVisible();
  await supervisorContext.close();

  const adminContext = await browser.newContext({ storageState: STATE.admin });
  const admin = await adminContext.newPage();
  await admin.goto("/admin/audit");
  await admin.getByLabel("操作", { exact: true }).selectOption({ label: "推送待审批" });
  await admin.getByRole("searchbox", { name: "操作人" }).fill("demo-editor");
  await admin.getByRole("button", { name: "筛选", exact: true }).click();
  await expect(admin).toHaveURL(/action=push_held/);
  await admin.reload();
  await expect(admin.getByLabel("操作", { exact: true })).toHaveValue("push_held");
  const row = admin.getByRole("row").filter({ hasText: heldId });
  const first = groups.find((g) => g.id === ids[0])!.title;
  const words = ids.length > 1 ? `用户组 ${first} 等 ${ids.length} 个` : `用户组 ${first}`;
  await expect(row).toContainText(`推送「审计词句-${tag}」 · 渠道 语音消息 · ${words} · 预计触达 ${reach.toLocaleString("en-US")} 人`);
  await expect(row).not.toContainText("notify_way");
  await expect(row).not.toContainText("chuanbo_group");
  await expect(admin.getByRole("link", { name: "导出 CSV" })).toHaveAttribute("href", /action=push_held.*format=csv/);
  await adminContext.close();
});

test("audit addresses read as people write them: IPv4-mapped as IPv4, IPv6 short, never a row of zeros", async () => {
  const proxied = await startConsole("audit-addresses", { env: { TRUSTED_PROXIES: "127.0.0.1" } });
  try {
    const wrong = (username: string, xff: string) =>
      call(`${proxied.url}/api/auth/sign-in/username`, {
        method: "POST",
        headers: { "x-forwarded-for": xff },
        body: { username, password: "not-the-password" },
      });
    expect((await wrong("mapped-v4", "::ffff:10.9.8.7")).status).toBe(401);
    expect((await wrong("long-v6", "0:0:0:0:0:0:0:1")).status).toBe(401);
    expect((await wrong("doc-v6", "2001:0db8:0000:0000:0000:0000:0000:0001")).status).toBe(401);
    const cookie = await signIn(proxied.url, "demo-admin", DEMO_PASSWORD, "127.0.0.5");
    expect(await audit(proxied.url, cookie, "target=mapped-v4")).toEqual([
      expect.objectContaining({ ip: "10.9.8.7", summary: "HTTP 401" }),
    ]);
    expect(await audit(proxied.url, cookie, "target=long-v6")).toEqual([expect.objectContaining({ ip: "::1" })]);
    expect(await audit(proxied.url, cookie, "target=doc-v6")).toEqual([expect.objectContaining({ ip: "2001:db8::1" })]);
  } finally {
    await proxied.stop();
  }
});

test("at 390 px history, a record, approvals, the audit log and a group page never scroll sideways, even for a name and a script without a break; rule chips stay whole", async ({
  browser,
  request,
}) => {
  test.slow();
  const { ids } = await bigGroups(request);
  // What an editor may type: a name of 50 characters and a script holding a long address, neither with a place to break.
  const name = `窄屏-${randomUUID().slice(0, 8)}-${"W".repeat(37)}`;
  const script = `请访问 https://example.com/${"x".repeat(300)}`;
  const id = await send(request, { ...voicePush(name, ids), voice_content: script }, 202);
  const pages: Array<[string, string]> = [
    [STATE.editor, "/history"],
    [STATE.editor, `/history/${id}`],
    [STATE.supervisor, "/approvals"],
    [STATE.admin, "/admin/audit"],
    [STATE.editor, "/groups/106"],
  ];
  for (const [state, path] of pages) {
    const context = await browser.newContext({ storageState: state, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(path);
    // Loaded: no 正在读取/正在载入 placeholder left (a record may itself say 正在等待审核人批准).
    await expect(page.getByRole("main")).not.toContainText(/正在(读取|载入|加载)/);
    await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    if (path.startsWith("/groups/")) {
      // Each chip is one line: a name never wraps inside itself.
      for (const chip of await page.getByRole("rowheader").all()) {
        const box = (await chip.locator("span").first().boundingBox())!;
        expect(box.height).toBeLessThan(30);
      }
    }
    await context.close();
  }
});
