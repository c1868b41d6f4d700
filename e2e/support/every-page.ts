import { expect, request as playwrightRequest, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { SIM_URL } from "../../playwright.config";
import { STATE } from "./auth";
import { bigGroups, submit, voicePush } from "./pushes";

// Every page of the console, each opened as the role that can see it, for the checks that go over
// all of them (accessibility scans, 390 px layout). A held push (by demo-editor2, so the supervisor
// has a card to act on) and a sent one (for a history record) are made once; the held one is
// rejected afterwards so later tests start clean.

export type Role = keyof typeof STATE | "signed-out";
type Fixtures = { group: number; record: string; held: string };
export type ConsolePage = { name: string; role: Role; path: (fixtures: Fixtures) => string };

export const EVERY_PAGE: readonly ConsolePage[] = [
  { name: "登录", role: "signed-out", path: () => "/sign-in" },
  { name: "首页", role: "editor", path: () => "/" },
  { name: "用户组", role: "editor", path: () => "/groups" },
  { name: "用户组详情", role: "editor", path: ({ group }) => `/groups/${group}` },
  { name: "标签", role: "editor", path: () => "/tags" },
  { name: "创建推送", role: "editor", path: () => "/compose" },
  { name: "推送记录", role: "editor", path: () => "/history" },
  { name: "推送记录详情", role: "editor", path: ({ record }) => `/history/${record}` },
  { name: "常用模板", role: "editor", path: () => "/templates" },
  { name: "待审批", role: "supervisor", path: () => "/approvals" },
  { name: "用户管理", role: "admin", path: () => "/admin/users" },
  { name: "审计日志", role: "admin", path: () => "/admin/audit" },
  { name: "没有权限", role: "supervisor", path: () => "/compose" },
  { name: "找不到页面", role: "editor", path: () => "/no-such-page" },
];

export const WIDTHS = [1440, 390] as const;

/** The records the pages show: made once per worker. */
export async function makeFixtures(): Promise<{ fixtures: Fixtures; cleanUp: () => Promise<void> }> {
  const editor = await playwrightRequest.newContext({ baseURL: SIM_URL, storageState: STATE.editor });
  const editor2 = await playwrightRequest.newContext({ baseURL: SIM_URL, storageState: STATE.editor2 });
  const supervisor = await playwrightRequest.newContext({ baseURL: SIM_URL, storageState: STATE.supervisor });
  const groups = (await (await editor.get("/api/groups?size=100")).json()) as { records: Array<{ id: number; pnum: number | null }> };
  const smallest = groups.records.filter((g) => g.pnum !== null).sort((a, b) => a.pnum! - b.pnum!)[0]!;
  const sent = await submit(editor, voicePush("页面检查：已发送", [smallest.id]));
  if (sent.status() !== 201) throw new Error(`sending the history record failed: ${sent.status()} ${await sent.text()}`);
  const held = await submit(editor2, voicePush("页面检查：待审批", (await bigGroups(editor2)).ids));
  if (held.status() !== 202) throw new Error(`holding a push failed: ${held.status()} ${await held.text()}`);
  const fixtures = {
    group: groups.records.find((g) => g.pnum !== null)!.id,
    record: ((await sent.json()) as { id: string }).id,
    held: ((await held.json()) as { id: string }).id,
  };
  return {
    fixtures,
    cleanUp: async () => {
      await supervisor.post(`/api/approvals/${fixtures.held}/reject`, { data: { reason: "页面检查结束", rescheduled_at: null } });
      await Promise.all([editor.dispose(), editor2.dispose(), supervisor.dispose()]);
    },
  };
}

/** A browser page signed in as `role` at `width`, the page loaded and its data settled. */
export async function openAs(browser: Browser, role: Role, width: number, path: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: SIM_URL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    viewport: { width, height: 900 },
    storageState: role === "signed-out" ? { cookies: [], origins: [] } : STATE[role],
  });
  const page = await context.newPage();
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  // Client lists show 正在读取/正在载入 until their first answer.
  await page
    .getByText(/^正在(读取|载入|加载)/)
    .first()
    .waitFor({ state: "detached", timeout: 10_000 })
    .catch(() => undefined);
  // …and lists marked busy (a skeleton has no text) until theirs.
  await expect(page.locator('[aria-busy="true"]'))
    .toHaveCount(0, { timeout: 10_000 })
    .catch(() => undefined);
  return { context, page };
}
