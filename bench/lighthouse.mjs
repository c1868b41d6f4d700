// Lighthouse (12.2.3, its default mobile preset: a mid-range phone on a slow 4G line, simulated) on
// /sign-in (signed out), /groups and /compose (signed in as the demo editor): performance and
// accessibility, median of 3 runs each, on Debian's Chromium. Prints figures; not part of CI.
//
// Needs lighthouse (npm i -D lighthouse@12.2.3). Start a console on the simulator first
// (npx next build && PORT=3450 npm start), then:
//   node bench/lighthouse.mjs [baseURL]        (default http://127.0.0.1:3450)
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_EDITOR, signIn } from "./support/session.mjs";

const base = process.argv[2] ?? "http://127.0.0.1:3450";
const RUNS = 3;
const PAGES = [
  { path: "/sign-in", signedIn: false },
  { path: "/groups", signedIn: true },
  { path: "/compose", signedIn: true },
];
const AIMS = { performance: 0.95, accessibility: 1 };

let lighthouse;
try {
  ({ default: lighthouse } = await import("lighthouse"));
} catch {
  console.error("没有安装 lighthouse：请先运行 npm i -D lighthouse@12.2.3。");
  process.exit(1);
}

/** Debian's Chromium, or Playwright's where there is none; with a DevTools port Lighthouse drives. */
async function launchChromium() {
  let executable = "/usr/bin/chromium";
  if (!existsSync(executable)) executable = (await import("@playwright/test")).chromium.executablePath();
  const profile = mkdtempSync(join(tmpdir(), "lighthouse-"));
  const child = spawn(
    executable,
    [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--remote-debugging-port=0",
      `--user-data-dir=${profile}`,
      "about:blank",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const port = await new Promise((resolve, reject) => {
    let seen = "";
    child.stderr.on("data", (chunk) => {
      seen += chunk;
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (match) resolve(Number(match[1]));
    });
    child.on("exit", (code) => reject(new Error(`Chromium exited (${code}) before listening:\n${seen}`)));
  });
  return {
    port,
    async close() {
      const exited = once(child, "exit");
      child.kill();
      await exited;
      rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const cookie = await signIn(base, ...DEMO_EDITOR);
const chromium = await launchChromium();
const rows = [];
try {
  for (const { path, signedIn } of PAGES) {
    const runs = [];
    for (let run = 0; run < RUNS; run++) {
      const result = await lighthouse(`${base}${path}`, {
        port: chromium.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility"],
        ...(signedIn ? { extraHeaders: { Cookie: cookie } } : {}),
      });
      const { categories, audits, finalDisplayedUrl } = result.lhr;
      // A redirect to sign-in would measure the wrong page.
      if (new URL(finalDisplayedUrl).pathname !== path) throw new Error(`${path} ended on ${finalDisplayedUrl}`);
      runs.push({
        performance: categories.performance.score,
        accessibility: categories.accessibility.score,
        lcp: audits["largest-contentful-paint"].numericValue,
        tbt: audits["total-blocking-time"].numericValue,
        cls: audits["cumulative-layout-shift"].numericValue,
        failing: categories.accessibility.auditRefs.filter((ref) => ref.weight > 0 && audits[ref.id].score === 0).map((ref) => ref.id),
      });
    }
    rows.push({ path, runs });
  }
} finally {
  await chromium.close();
}

console.log(`Lighthouse 12 mobile preset, median of ${RUNS}, ${base}`);
console.log(
  `${"page".padEnd(10)}${"perf".padStart(6)}${"a11y".padStart(6)}${"LCP ms".padStart(8)}${"TBT ms".padStart(8)}${"CLS".padStart(7)}  perf runs`,
);
for (const { path, runs } of rows) {
  const m = (key) => median(runs.map((run) => run[key]));
  const verdict = m("performance") >= AIMS.performance && m("accessibility") >= AIMS.accessibility ? "" : "  below the aim";
  console.log(
    `${path.padEnd(10)}${m("performance").toFixed(2).padStart(6)}${m("accessibility").toFixed(2).padStart(6)}` +
      `${Math.round(m("lcp")).toString().padStart(8)}${Math.round(m("tbt")).toString().padStart(8)}${m("cls").toFixed(3).padStart(7)}` +
      `  ${runs.map((run) => run.performance.toFixed(2)).join(" ")}${verdict}`,
  );
  const failing = [...new Set(runs.flatMap((run) => run.failing))];
  if (failing.length > 0) console.log(`${"".padEnd(10)}accessibility audits failing: ${failing.join(", ")}`);
}
console.log(`Aims: performance ≥ ${AIMS.performance}, accessibility ${AIMS.accessibility.toFixed(1)}.`);
