#!/usr/bin/env node
// First-load JavaScript per page (gzip), above the same build's /_not-found page, against the budgets
// in bench/bundle-budgets.json. Run after `npm run build` (`npm test` does); exits 1 when a page is
// over its budget or a page has none. Budgets only go down: raise one only on purpose, in that file.
// Also exits 1 when the chunks every page starts with lack their compile hint (scripts/compile-hints.mjs).
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { hasCompileHint, startupChunks } from "./compile-hints.mjs";

const STATS = ".next/diagnostics/route-bundle-stats.json";
const BASELINE = "/_not-found";
const { pages: budgets, aims } = JSON.parse(readFileSync(new URL("../bench/bundle-budgets.json", import.meta.url), "utf8"));

let stats;
try {
  stats = JSON.parse(readFileSync(STATS, "utf8"));
} catch {
  console.error(`没有找到 ${STATS}：请先运行 npm run build。`);
  process.exit(1);
}

const gzipCache = new Map();
const gzipped = (file) => {
  if (!gzipCache.has(file)) gzipCache.set(file, gzipSync(readFileSync(file)).length);
  return gzipCache.get(file);
};
const kB = (bytes) => Math.round(bytes / 100) / 10;
const sizeOf = (entry) => entry.firstLoadChunkPaths.reduce((sum, file) => sum + gzipped(file), 0);

const baseline = stats.find((entry) => entry.route === BASELINE);
if (!baseline) {
  console.error(`构建结果里没有 ${BASELINE}，无法比较。`);
  process.exit(1);
}
const base = sizeOf(baseline);
const rows = stats
  .filter((entry) => entry.route !== BASELINE)
  .map((entry) => {
    const above = kB(sizeOf(entry) - base);
    const budget = budgets[entry.route];
    return { route: entry.route, above, budget, headroom: budget === undefined ? undefined : Math.round((budget - above) * 10) / 10 };
  })
  .sort((a, b) => a.route.localeCompare(b.route));

const over = rows.filter((row) => row.headroom < 0);
const unbudgeted = rows.filter((row) => row.budget === undefined);
const cell = (value, width) => String(value ?? "—").padStart(width);
console.log(`First-load JS (gzip, kB) above ${BASELINE} (${kB(base).toFixed(1)} kB), budgets in bench/bundle-budgets.json`);
console.log(`${"page".padEnd(16)}${cell("size", 8)}${cell("budget", 8)}${cell("headroom", 10)}${cell("aim", 6)}`);
for (const row of rows) {
  const verdict = row.budget === undefined ? "  no budget" : row.headroom < 0 ? "  OVER" : "";
  console.log(
    `${row.route.padEnd(16)}${cell(`+${row.above.toFixed(1)}`, 8)}${cell(row.budget?.toFixed(1), 8)}${cell(row.headroom?.toFixed(1), 10)}${cell(aims?.[row.route], 6)}${verdict}`,
  );
}
for (const route of Object.keys(budgets))
  if (!stats.some((entry) => entry.route === route)) console.log(`(${route} has a budget but is not in this build.)`);
if (over.length > 0) {
  console.error(
    `超出预算的页面：${over.map((row) => row.route).join("、")}。请减小这些页面的 JavaScript，或有意修改 bench/bundle-budgets.json。`,
  );
}
if (unbudgeted.length > 0) {
  console.error(`没有预算的页面：${unbudgeted.map((row) => row.route).join("、")}。请在 bench/bundle-budgets.json 中为其设定预算。`);
}
let unhinted;
try {
  unhinted = startupChunks(".next").filter((file) => !hasCompileHint(file));
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
if (unhinted.length > 0) {
  console.error(
    `启动脚本缺少编译提示：${unhinted.join("、")}。请用 npm run build 构建（它在 next build 之后运行 scripts/compile-hints.mjs）。`,
  );
}
if (over.length > 0 || unbudgeted.length > 0 || unhinted.length > 0) process.exit(1);
