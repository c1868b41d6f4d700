// Times the group browser against the simulator with 150 ms of upstream latency, and prints figures:
//   navigation to rows visible; 下一页 to new rows (the page renders on the server: no prefetch, so
//   every click makes the round trip the old "cold" figure timed); search over 5,000 groups
//   (cold, then cached, as the server sees it).
//   Then the index at scale (issue 11): 5,000 and 50,000 groups at 150 ms, with two processes as in
//   production (an upstream simulator console, and the console under test configured against it, so
//   the console's memory holds its index and not the simulator's world): the first fetch, then
//   searches for SCALE_SECONDS (default 15) with a TTL of SCALE_TTL_MS (default 5000), so that
//   background refreshes run meanwhile; p50 / p95 / max server time, and the console's RSS.
// Usage: npm run build && node bench/groups-bench.mjs [--runs N] [--scale-only]
//   With BASE_URL=http://127.0.0.1:PORT it uses a console already running on the simulator;
//   otherwise it starts one from the current build on BENCH_PORT (default 3250) and stops it after.
//   The scale part always starts its own two, on BENCH_PORT+10 and +11.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { addSession, DEMO_EDITOR, signIn } from "./support/session.mjs";

const LATENCY_MS = 150;
const SEARCH_GROUPS = 5000;
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;
const SCALE_ONLY = process.argv.includes("--scale-only");
const SCALE_SECONDS = Number(process.env.SCALE_SECONDS ?? 15);
const SCALE_TTL_MS = Number(process.env.SCALE_TTL_MS ?? 5000);

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted.at(-1), n: sorted.length };
};
const fmt = (s) =>
  `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (min ${s.min.toFixed(1)}, max ${s.max.toFixed(1)}, n=${s.n})`;

let server;
let dataDir;
let cookie = "";
async function startConsole() {
  if (process.env.BASE_URL) return process.env.BASE_URL.replace(/\/$/, "");
  if (!existsSync(".next/BUILD_ID")) throw new Error("No build found: run `npm run build` first.");
  const port = process.env.BENCH_PORT ?? "3250";
  dataDir = mkdtempSync(path.join(tmpdir(), "groups-bench-"));
  server = spawn(process.execPath, ["server.mjs", "-H", "127.0.0.1"], {
    env: { ...process.env, PORT: port, CHUANBO_BASE_URL: "", CHUANBO_DATABASE_PATH: path.join(dataDir, "console.sqlite") },
    stdio: "ignore",
    // Its own process group, so that whatever it starts stops with it.
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) throw new Error(`the console exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return base;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("The console did not start within 60 s.");
}

function stopConsole() {
  if (!server || server.exitCode !== null) return;
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    // already gone
  }
}

async function control(base, body) {
  const response = await fetch(`${base}/simulator/control`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator control answered ${response.status}: is this console on the simulator?`);
}

async function timedGet(base, query) {
  const started = performance.now();
  const response = await fetch(`${base}/api/groups?${query}`, { headers: { cookie } });
  const body = await response.json();
  const wall = performance.now() - started;
  if (!response.ok) throw new Error(`GET /api/groups?${query}: ${response.status} ${JSON.stringify(body)}`);
  const server = Number(/dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "")?.[1]);
  return { wall, server, total: body.total };
}

/** In the page: click 下一页 and time until the first row's id changes (or give up after 10 s). */
const clickNextAndWait = () =>
  new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error("下一页 did not change the rows within 10 s")), 10_000);
    const firstId = () => document.querySelector("tbody tr td:nth-child(2)")?.textContent;
    const before = firstId();
    const button = [...document.querySelectorAll("nav[aria-label='用户组分页'] button")].find((b) => b.textContent === "下一页");
    const observer = new MutationObserver(() => {
      const now = firstId();
      if (now === before) return;
      observer.disconnect();
      if (now === undefined) reject(new Error(`下一页 showed no rows: ${document.querySelector("[role=alert]")?.textContent ?? ""}`));
      else resolve(performance.now() - started);
    });
    observer.observe(document.querySelector("main"), { subtree: true, childList: true, characterData: true });
    const started = performance.now();
    button.click();
  });

async function browserFigures(base) {
  const executablePath = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  try {
    const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    await addSession(context, base, cookie);
    const page = await context.newPage();
    if (process.env.BENCH_DEBUG) {
      page.on("request", (r) => r.url().includes("/api/") && log("request", r.url()));
    }
    await page.goto(`${base}/groups`); // warm the server's code paths once
    const navigation = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await page.goto(`${base}/groups?page=${2 + i}&size=10`, { waitUntil: "commit" });
      await page.locator("tbody tr").first().waitFor();
      navigation.push(performance.now() - started);
      log("navigation", navigation.at(-1));
    }

    // 下一页 renders the next page on the server (nothing is prefetched, and the browser asks no
    // /api/groups): timed from the click until the new page's first row is on screen, as a user sees it.
    const next = [];
    await page.goto(`${base}/groups?page=1&size=10`);
    await page.locator("tbody tr").first().waitFor();
    for (let current = 1; current <= RUNS * 2; current++) {
      log("下一页 from page", current);
      next.push(await page.evaluate(clickNextAndWait));
      // The address says the page it shows (not timed): the rows were the next page's.
      await page.waitForURL((url) => url.searchParams.get("page") === String(current + 1));
    }
    return { navigation: stats(navigation), next: stats(next) };
  } finally {
    await browser.close();
  }
}

async function searchFigures(base) {
  await control(base, { groupCount: SEARCH_GROUPS, latencyMs: LATENCY_MS });
  const coldRuns = [];
  for (let i = 0; i < Math.min(RUNS, 3); i++)
    coldRuns.push(await timedGet(base, "current=1&size=10&q=%E5%BF%97%E6%84%BF%E8%80%85&refresh=1"));
  const queries = [
    "q=%E5%BF%97%E6%84%BF%E8%80%85", // 志愿者
    "q=%E8%A5%BF%E6%B9%96%E5%8C%BA&type=2", // 西湖区, 标签组
    "department=%E8%A7%86%E9%A2%91%E9%83%A8", // 视频部
    "tag_code=work_unit&relational_symbols=value&value1=%E5%A4%AA%E5%B9%B3%E8%A1%97%E9%81%93",
    "q=3001",
    "q=%E6%B2%A1%E6%9C%89%E8%BF%99%E7%A7%8D%E7%BB%84", // no match
  ];
  const cached = [];
  for (let i = 0; i < RUNS * 3; i++) {
    for (const q of queries) cached.push(await timedGet(base, `current=${1 + (i % 3)}&size=20&${q}`));
  }
  return {
    total: coldRuns[0].total,
    coldWall: stats(coldRuns.map((r) => r.wall)),
    coldServer: stats(coldRuns.map((r) => r.server)),
    cachedWall: stats(cached.map((r) => r.wall)),
    cachedServer: stats(cached.map((r) => r.server)),
  };
}

const log = (...args) => process.env.BENCH_DEBUG && console.error(...args);

/** Resident memory of a process group, in MB (Linux `ps`). */
const rssMb = (pgid) =>
  execFileSync("ps", ["-o", "rss=", "-g", String(pgid)], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .reduce((sum, kb) => sum + Number(kb), 0) / 1024;

async function waitUp(base, child) {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`${base} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${base} did not start within 60 s`);
}

async function scaleFigures() {
  const port = Number(process.env.BENCH_PORT ?? 3250) + 10;
  const dir = mkdtempSync(path.join(tmpdir(), "groups-scale-"));
  const connectNo = "bench-scale";
  const upstream = `http://127.0.0.1:${port + 1}`;
  const target = `http://127.0.0.1:${port}`;
  const common = { ...process.env, CHUANBO_CONNECT_NO: connectNo, AUTH_SECRET: "bench-scale-auth-secret-0123456789abcdef" };
  const consoleEnv = {
    ...common,
    PORT: String(port),
    CHUANBO_BASE_URL: `${upstream}/simulator`,
    CHUANBO_DATABASE_PATH: path.join(dir, "console.sqlite"),
    GROUPS_CACHE_TTL_MS: String(SCALE_TTL_MS),
  };
  const user = ["bench-scale-editor", "bench-scale-password"];
  const cli = ["--conditions=react-server", "scripts/user.ts", "add", user[0], "--role", "editor", "--password", user[1]];
  execFileSync("node_modules/.bin/tsx", cli, { env: consoleEnv, stdio: "ignore" });
  const spawnConsole = (env) => spawn(process.execPath, ["server.mjs", "-H", "127.0.0.1"], { env, stdio: "ignore", detached: true });
  const children = [
    spawnConsole({ ...common, PORT: String(port + 1), CHUANBO_BASE_URL: "", CHUANBO_DATABASE_PATH: path.join(dir, "upstream.sqlite") }),
    spawnConsole(consoleEnv),
  ];
  const [upstreamChild, consoleChild] = children;
  try {
    await waitUp(upstream, upstreamChild);
    await waitUp(target, consoleChild);
    const scaleCookie = await signIn(target, ...user);
    const get = async (query) => {
      const started = performance.now();
      const response = await fetch(`${target}/api/groups?${query}`, { headers: { cookie: scaleCookie } });
      const body = await response.json();
      if (!response.ok) throw new Error(`GET /api/groups?${query}: ${response.status} ${JSON.stringify(body)}`);
      const server = Number(/dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "")?.[1]);
      return { wall: performance.now() - started, server, fetchedAt: body.fetchedAt, total: body.total };
    };
    await get("current=1&size=10");
    console.log(`\nindex at scale: upstream latency ${LATENCY_MS} ms, TTL ${SCALE_TTL_MS} ms, searching for ${SCALE_SECONDS} s each`);
    console.log(`  console RSS before any index: ${rssMb(consoleChild.pid).toFixed(0)} MB`);
    const queries = [
      "q=%E5%BF%97%E6%84%BF%E8%80%85",
      "q=%E8%A5%BF%E6%B9%96%E5%8C%BA&type=2",
      "department=%E8%A7%86%E9%A2%91%E9%83%A8",
      "tag_code=work_unit&relational_symbols=value&value1=%E5%A4%AA%E5%B9%B3%E8%A1%97%E9%81%93",
      "q=3001",
      "q=%E6%B2%A1%E6%9C%89%E8%BF%99%E7%A7%8D%E7%BB%84",
    ];
    for (const count of [5000, 50000]) {
      await control(upstream, { groupCount: count, latencyMs: LATENCY_MS });
      // The first fetch of this world (the console's previous index is of another size).
      await new Promise((r) => setTimeout(r, 10_000)); // past the 10 s between crawls
      const first = await get(`current=1&size=20&${queries[0]}&refresh=1`);
      const times = [];
      const seen = new Set();
      const until = performance.now() + SCALE_SECONDS * 1000;
      for (let i = 0; performance.now() < until; i++) {
        const r = await get(`current=${1 + (i % 3)}&size=20&${queries[i % queries.length]}`);
        times.push(r.server);
        seen.add(r.fetchedAt);
      }
      const s = stats(times);
      console.log(`  ${count.toLocaleString("en-US")} groups: first fetch ${(first.wall / 1000).toFixed(1)} s;`);
      console.log(
        `    ${s.n} searches: server p50 ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms; ` +
          `${seen.size - 1} background refresh(es) seen; console RSS ${rssMb(consoleChild.pid).toFixed(0)} MB`,
      );
    }
  } finally {
    for (const child of children) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopConsole();
    process.exit(130);
  });
}

if (SCALE_ONLY) {
  await scaleFigures();
  process.exit(0);
}
const base = await startConsole();
cookie = await signIn(base, ...DEMO_EDITOR);
try {
  // Enough pages for every run's two clicks (ten groups a page).
  await control(base, { reset: true, latencyMs: LATENCY_MS, groupCount: Math.max(100, RUNS * 30) });
  await fetch(`${base}/api/groups?refresh=1`, { headers: { cookie } }); // the server's index holds the simulator's current list
  console.log(`Group browser on ${base}, simulator latency ${LATENCY_MS} ms, ${RUNS} runs each\n`);
  const ui = await browserFigures(base);
  console.log(`navigation to rows visible (server-rendered page):   ${fmt(ui.navigation)}`);
  console.log(`下一页 to new rows (server-rendered, not prefetched): ${fmt(ui.next)}`);
  const search = await searchFigures(base);
  console.log(`\nsearch over ${SEARCH_GROUPS} groups (${search.total} matches for 志愿者):`);
  console.log(`  cold (fetch every page, then search), wall:          ${fmt(search.coldWall)}`);
  console.log(`  cold, server-timing:                                 ${fmt(search.coldServer)}`);
  console.log(`  cached, wall (HTTP round trip):                      ${fmt(search.cachedWall)}`);
  console.log(`  cached, server-timing:                               ${fmt(search.cachedServer)}`);
} finally {
  await control(base, { reset: true }).catch(() => {});
  await fetch(`${base}/api/groups?refresh=1`, { headers: { cookie } }).catch(() => {});
  stopConsole();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
await scaleFigures();
