#!/usr/bin/env node
// Gzipped JavaScript each page ships on first load, from the build's own chunk lists
// (.next/diagnostics/route-bundle-stats.json), beside a bare page of the same build (/bench-bare).
// Run after `npm run build`:  node bench/bundle-size.mjs
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const BARE = "/bench-bare";
const AIMS = { "/groups": 145, "/compose": 165 };

let stats;
try {
  stats = JSON.parse(readFileSync(".next/diagnostics/route-bundle-stats.json", "utf8"));
} catch {
  console.error("没有找到 .next/diagnostics/route-bundle-stats.json：请先运行 npm run build。");
  process.exit(1);
}

const gzipCache = new Map();
const gzipped = (file) => {
  if (!gzipCache.has(file)) gzipCache.set(file, gzipSync(readFileSync(file)).length);
  return gzipCache.get(file);
};
const kB = (bytes) => (bytes / 1000).toFixed(1);

const rows = stats
  .map(({ route, firstLoadChunkPaths }) => ({
    route,
    raw: firstLoadChunkPaths.reduce((sum, file) => sum + readFileSync(file).length, 0),
    gzip: firstLoadChunkPaths.reduce((sum, file) => sum + gzipped(file), 0),
  }))
  .sort((a, b) => a.route.localeCompare(b.route));
const bare = rows.find((row) => row.route === BARE);

console.log("route".padEnd(22), "raw kB".padStart(8), "gzip kB".padStart(8), "vs bare".padStart(9), "aim kB".padStart(7));
for (const row of rows) {
  const delta = bare ? `${row.gzip >= bare.gzip ? "+" : ""}${kB(row.gzip - bare.gzip)}` : "n/a";
  const aim = AIMS[row.route];
  const verdict = aim === undefined ? "" : row.gzip / 1000 <= aim ? "  ok" : "  OVER";
  console.log(
    row.route.padEnd(22),
    kB(row.raw).padStart(8),
    kB(row.gzip).padStart(8),
    delta.padStart(9),
    String(aim ?? "").padStart(7) + verdict,
  );
}
if (!bare) console.log(`\n(${BARE} is missing from this build, so there is no bare baseline.)`);
