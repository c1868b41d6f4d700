// Gzipped first-load JS per route, from the last `npx next build` (.next/diagnostics/route-bundle-stats.json).
// Usage: node bench/compose-bundle.mjs [route ...]   (default: /compose /history /history/[id])
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const routes = process.argv.slice(2).length ? process.argv.slice(2) : ["/compose", "/history", "/history/[id]"];
const stats = JSON.parse(readFileSync(".next/diagnostics/route-bundle-stats.json", "utf8"));
for (const route of routes) {
  const entry = stats.find((s) => s.route === route);
  if (!entry) {
    console.log(`${route}: not in the build`);
    continue;
  }
  const gz = entry.firstLoadChunkPaths.reduce((sum, path) => sum + gzipSync(readFileSync(path), { level: 9 }).length, 0);
  console.log(`${route}: ${(gz / 1024).toFixed(1)} kB gzipped first-load JS (${(entry.firstLoadUncompressedJsBytes / 1024).toFixed(0)} kB raw)`);
}
