// After `next build` (npm run build): completes .next/standalone into a folder that runs on its own
// with `node server.mjs`. Next traces the server's own files there; the browser's static files,
// public/, the custom server, the migrations and the sample options are copied here. Then it checks
// that what a start needs is in place (the native addon above all), and fails loudly if not.
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";

const out = ".next/standalone";
if (!existsSync(path.join(out, ".next"))) {
  console.error(`没有找到 ${out}：请先运行 next build（next.config.mjs 须设 output: "standalone"）。`);
  process.exit(1);
}

const copies = [
  [".next/static", ".next/static"],
  ["public", "public"],
  ["server.mjs", "server.mjs"],
  ["db/migrations", "db/migrations"],
  ["db/postgres", "db/postgres"],
  ["config/options.sample.json", "config/options.sample.json"],
];
for (const [from, to] of copies) {
  if (!existsSync(from)) continue;
  rmSync(path.join(out, to), { recursive: true, force: true });
  cpSync(from, path.join(out, to), { recursive: true });
}
// Next writes its own server.js there; server.mjs is what runs (x-console-peer, the 413, the request log).
rmSync(path.join(out, "server.js"), { force: true });
// The repository's database files are never shipped.
rmSync(path.join(out, "data"), { recursive: true, force: true });

const needed = [
  "server.mjs",
  ".next/required-server-files.json",
  ".next/static",
  "db/migrations",
  "db/postgres",
  "node_modules/next/package.json",
  "node_modules/pg/package.json",
  "node_modules/pino/package.json",
  "node_modules/better-sqlite3/build/Release/better_sqlite3.node",
];
const missing = needed.filter((file) => !existsSync(path.join(out, file)));
if (missing.length > 0) {
  console.error(`独立运行目录 ${out} 缺少：${missing.join("、")}。`);
  process.exit(1);
}
console.log(`${out} 已就绪：cd ${out} && node server.mjs`);
