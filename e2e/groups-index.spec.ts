import { execFileSync } from "node:child_process";
import { expect, test, type Browser } from "@playwright/test";
import { TEST_CONNECT_NO, VENDOR_URL } from "../playwright.config";
import { DEMO_PASSWORD } from "./support/auth";
import { startConsole, type ConsoleProcess } from "./support/console-process";
import { signIn } from "./support/from-address";
import { controlSimulator, simulatorState } from "./support/simulator";
import type { Control } from "../lib/simulator/state";

// The group index a search is answered from: the first fetch's progress on the page, and the last
// index kept in the database so a restarted console searches at once.

type Status = { ready: boolean; fetchedAt: string | null; crawling: { fetched: number; total: number } | null };

const getJson = async <T>(url: string, cookie: string) => {
  const response = await fetch(url, { headers: { cookie } });
  return { status: response.status, body: (await response.json()) as T };
};

/** A browser context with the session `cookie` on `url`. */
async function signedInContext(browser: Browser, url: string, cookie: string) {
  const context = await browser.newContext({ baseURL: url });
  await context.addCookies(
    cookie.split("; ").map((pair) => {
      const [name, ...value] = pair.split("=");
      return { name: name!, value: value.join("="), url };
    }),
  );
  return context;
}

/**
 * A console of the test's own on the simulator, with the demo editor's browser context on it, and
 * `groupList`: the vendor's group_list calls so far (after telling the simulator `body`, if given).
 */
async function editorOnOwnConsole(browser: Browser, name: string, env?: Record<string, string>) {
  const sim = await startConsole(name, env ? { env } : undefined);
  try {
    const cookie = await signIn(sim.url, "demo-editor", DEMO_PASSWORD);
    const groupList = async (body?: Control) =>
      (await (body ? controlSimulator(sim.url, body) : simulatorState(sim.url))).requests.group_list;
    return { sim, groupList, context: await signedInContext(browser, sim.url, cookie) };
  } catch (error) {
    await sim.stop();
    throw error;
  }
}

/** A failed first fetch is said for ten minutes, not ten seconds: "not asked again" holds however slow the host. */
const SLOW_TO_FORGET = { GROUPS_FAILURE_BACKOFF_MS: "600000" };

const VENDOR_BUSY: Control = { faults: [{ kind: "code", action: "group_list", code: 50001, message: "系统繁忙，请稍后再试" }] };

test("a restarted console answers search from the index it kept, without fetching first", async () => {
  test.setTimeout(120_000);
  const env = {
    CHUANBO_BASE_URL: VENDOR_URL,
    CHUANBO_CONNECT_NO: TEST_CONNECT_NO,
    AUTH_SECRET: "groups-index-test-secret-0123456789abcdef",
  };
  let running: ConsoleProcess | undefined;
  try {
    const first = (running = await startConsole("groups-index-kept", { env }));
    const cli = [
      "--conditions=react-server",
      "scripts/user.ts",
      "add",
      "index-editor",
      "--role",
      "editor",
      "--password",
      "kept-index-pw-1",
    ];
    execFileSync("node_modules/.bin/tsx", cli, { env: { ...process.env, ...env, CHUANBO_DATABASE_PATH: first.database }, stdio: "pipe" });
    const cookie = await signIn(first.url, "index-editor", "kept-index-pw-1");

    expect((await fetch(`${first.url}/api/groups/index-status`)).status).toBe(401);
    expect((await getJson<Status>(`${first.url}/api/groups/index-status`, cookie)).body).toEqual({
      ready: false,
      fetchedAt: null,
      crawling: null,
    });
    const searched = await getJson<{ total: number; fetchedAt: string }>(`${first.url}/api/groups?q=1`, cookie);
    expect(searched.status).toBe(200);
    expect(searched.body.total).toBeGreaterThan(0);
    await first.stop();

    // Same database, same secret: the session and the index are both still there.
    const second = (running = await startConsole("groups-index-kept", { env, database: first.database }));
    const status = await getJson<Status>(`${second.url}/api/groups/index-status`, cookie);
    expect(status.body).toEqual({ ready: true, fetchedAt: searched.body.fetchedAt, crawling: null });
    const again = await getJson<{ total: number; fetchedAt: string }>(`${second.url}/api/groups?q=1`, cookie);
    expect(again.body).toMatchObject({ total: searched.body.total, fetchedAt: searched.body.fetchedAt });
  } finally {
    await running?.stop();
  }
});

test("the first search shows how far the fetch of every group has come, then the results", async ({ browser }) => {
  test.setTimeout(120_000);
  const sim = await startConsole("groups-first-fetch");
  try {
    const cookie = await signIn(sim.url, "demo-editor", DEMO_PASSWORD);
    // 50 pages of 100 at 300 ms: several seconds for a first fetch, long enough to be seen.
    await controlSimulator(sim.url, { groupCount: 5000, latencyMs: 300 });

    const context = await signedInContext(browser, sim.url, cookie);
    const page = await context.newPage();
    // Straight to a search: the server does not hold the page back for the fetch.
    await page.goto("/groups?q=%E5%BF%97%E6%84%BF%E8%80%85");
    await expect(page.getByRole("status").filter({ hasText: /已获取 [\d,]+ \/ 5,000 个用户组/ })).toBeVisible();
    await expect(page.getByRole("row").nth(1)).toContainText("志愿者", { timeout: 30_000 });
    await expect(page.getByText(/已获取 [\d,]+ \/ 5,000 个用户组/)).toHaveCount(0);
    await context.close();
  } finally {
    await sim.stop();
  }
});

test("while 刷新 fetches every group, the page asks the vendor for nothing but the fetch's pages", async ({ browser }) => {
  test.setTimeout(120_000);
  // 50 pages of 100, two at a time at 300 ms: several seconds of progress on the page.
  const {
    sim,
    groupList: simulator,
    context,
  } = await editorOnOwnConsole(browser, "groups-refresh-calls", {
    GROUPS_FETCH_CONCURRENCY: "2",
  });
  try {
    await simulator({ groupCount: 5000, latencyMs: 300 });
    const page = await context.newPage();
    const statusAsks: string[] = [];
    page.on("request", (r) => r.url().endsWith("/api/groups/index-status") && statusAsks.push(r.url()));
    await page.goto("/groups");
    await expect(page.getByRole("row").nth(1)).toBeVisible();
    const before = await simulator();

    await page.getByRole("button", { name: "刷新" }).click();
    await expect(page.getByRole("status").filter({ hasText: /已获取 [\d,]+ \/ 5,000 个用户组/ })).toBeVisible();
    await expect(page.getByRole("button", { name: "刷新" })).toBeEnabled({ timeout: 60_000 });
    await expect(page.getByText(/已获取 [\d,]+ \/ 5,000 个用户组/)).toHaveCount(0);
    // The fetch's 50 pages, and the one page the list renders again from when it has ended: the
    // progress came from the console (index-status), not from rendering the page over and over.
    expect((await simulator()) - before).toBe(50 + 1);
    expect(statusAsks.length).toBeGreaterThan(0);
    await context.close();
  } finally {
    await sim.stop();
  }
});

test("a failed first fetch is said to every tab without fetching again, until 重试", async ({ browser }) => {
  test.setTimeout(120_000);
  const { sim, groupList: simulator, context } = await editorOnOwnConsole(browser, "groups-first-fetch-failed", SLOW_TO_FORGET);
  try {
    await simulator(VENDOR_BUSY);
    const [one, two] = [await context.newPage(), await context.newPage()];
    const failed = (page: typeof one) => page.getByRole("alert").filter({ hasText: "用户组加载失败" });
    await one.goto("/groups?q=%E5%BF%97%E6%84%BF%E8%80%85");
    await expect(failed(one)).toContainText("系统繁忙，请稍后再试", { timeout: 30_000 });
    const calls = await simulator();
    // Another tab, and this one opened again: the same failure, and the vendor is not asked again.
    await two.goto("/groups?q=%E5%BF%97%E6%84%BF%E8%80%85");
    await expect(failed(two)).toContainText("系统繁忙，请稍后再试");
    await one.reload();
    await expect(failed(one)).toContainText("系统繁忙，请稍后再试");
    expect(await simulator()).toBe(calls);

    await simulator({ faults: [] });
    await failed(two).getByRole("button", { name: "重试" }).click();
    await expect(two.getByRole("row").nth(1)).toContainText("志愿者", { timeout: 30_000 });
    await expect(failed(two)).toHaveCount(0);
    await context.close();
  } finally {
    await sim.stop();
  }
});

test("the composer's group search after a failed first fetch says so without asking again, and 重试 fetches anew", async ({ browser }) => {
  test.setTimeout(120_000);
  const { sim, groupList: simulator, context } = await editorOnOwnConsole(browser, "groups-picker-fetch-failed", SLOW_TO_FORGET);
  try {
    await simulator(VENDOR_BUSY);
    const page = await context.newPage();
    // With no group chosen the picker is open, and its first page already says the failure.
    await page.goto("/compose");
    const searchBox = page.getByRole("searchbox", { name: "搜索用户组" });
    const failed = page.getByRole("alert").filter({ hasText: "读取用户组失败" });
    const search = async (q: string) => {
      const answered = page.waitForResponse((r) => r.url().includes("/api/groups?") && new URL(r.url()).searchParams.get("q") === q);
      await searchBox.fill(q);
      await answered;
      await expect(failed).toContainText("系统繁忙，请稍后再试");
    };
    await search("志愿者");
    const calls = await simulator();
    // Typed on: the failure again, and the vendor is not asked again meanwhile.
    await search("志愿者 城东");
    await search("志愿者");
    expect(await simulator()).toBe(calls);

    // The vendor is back: 重试 fetches the list anew at once, without waiting for the failure to age.
    await simulator({ faults: [] });
    await failed.getByRole("button", { name: "重试" }).click();
    await expect(page.getByRole("list", { name: "用户组", exact: true }).getByRole("checkbox").first()).toBeVisible({
      timeout: 30_000,
    });
    await expect(failed).toHaveCount(0);
    await expect(page.getByRole("list", { name: "用户组", exact: true })).toContainText("志愿者");
    expect(await simulator()).toBeGreaterThan(calls);
    await context.close();
  } finally {
    await sim.stop();
  }
});

test("while the vendor is slow, the heading, 刷新 and the filters stay in place above the loading list", async ({ browser }) => {
  test.setTimeout(120_000);
  // A console that waits long for the vendor: the list streams in seconds after the rest.
  const { sim, context } = await editorOnOwnConsole(browser, "groups-slow-vendor", { CHUANBO_TIMEOUT_MS: "30000" });
  try {
    await controlSimulator(sim.url, { latencyMs: 8_000 });
    const page = await context.newPage();
    await page.goto("/groups?page=2", { waitUntil: "commit" });
    const loading = page.getByRole("status").filter({ hasText: "正在加载用户组…" });
    await expect(loading).toBeAttached();
    await expect(page.getByRole("searchbox", { name: "关键词" })).toBeVisible();
    await expect(page.getByLabel("类型")).toBeVisible();
    await expect(page.getByRole("button", { name: "刷新" })).toBeVisible();
    // Still loading: they came before the list, not with it.
    await expect(loading).toBeAttached();
    await expect(page.getByRole("row").nth(1).getByRole("cell").nth(1)).toHaveText("190", { timeout: 30_000 });
    await expect(loading).toHaveCount(0);
  } finally {
    await context.close();
    await sim.stop();
  }
});
