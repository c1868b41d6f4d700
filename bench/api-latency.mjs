#!/usr/bin/env node
// Latency and throughput of GET /api/groups through the console, beside calling the upstream's
// group_list directly, on loopback, with autocannon. From the current build (run `npm run build`
// first) it starts two processes, as production has two machines: the vendor on BENCH_PORT+1 (the
// tests' independent fake vendor, e2e/support/fake-vendor.mjs: a plain Node HTTP server, so the
// figures are the console's own cost, not a second Next process's competing for the same cores),
// and the console under test on BENCH_PORT (default 3900), configured against it. Latency is read at one connection (what a person waits
// for); throughput at `connections` (default 10). The console's side is a signed-in editor's.
// Beside them, the same build's /api/health: a route handler with no session, no upstream and no
// I/O (route() with need "public" checks nothing on a GET), the floor any route of this build has.
// It prints the two ratios: the milliseconds the console adds to group_list at the median
// (aim ≤ 3), and its throughput at `connections` over the bare handler's (aim ≥ 0.5).
//   node bench/api-latency.mjs [seconds per run, default 8] [connections, default 10]
import { execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import autocannon from "autocannon";
import { signIn } from "./support/session.mjs";

const seconds = Number(process.argv[2] ?? 8);
const connections = Number(process.argv[3] ?? 10);
const port = Number(process.env.BENCH_PORT ?? 3900);
const connectNo = "bench-connect-no";
const upstream = `http://127.0.0.1:${port + 1}`;
const consoleOrigin = `http://127.0.0.1:${port}`;

const envFor = (extra) => {
  const database = `/tmp/chuanbo-bench-${extra.PORT}.sqlite`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(database + suffix, { force: true });
  return {
    ...process.env,
    CHUANBO_CONNECT_NO: connectNo,
    CHUANBO_DATABASE_PATH: database,
    AUTH_SECRET: "bench-auth-secret-0123456789abcdefgh",
    ...extra,
  };
};
const start = (env) => spawn(process.execPath, ["server.mjs", "-H", "127.0.0.1"], { env, stdio: "ignore" });
const consoleEnv = envFor({ PORT: String(port), CHUANBO_BASE_URL: upstream });
// The console needs a signed-in user; off the simulator it has none until the CLI makes one.
const editor = { username: "bench-editor", password: "bench-editor-password" };
execFileSync(
  "node_modules/.bin/tsx",
  ["--conditions=react-server", "scripts/user.ts", "add", editor.username, "--role", "editor", "--password", editor.password],
  { env: consoleEnv, stdio: "ignore" },
);
const vendor = spawn(process.execPath, ["e2e/support/fake-vendor.mjs", String(port + 1), connectNo], { stdio: "ignore" });
const servers = [vendor, start(consoleEnv)];
const stop = () => servers.forEach((s) => s.kill("SIGTERM"));
process.on("exit", stop);

async function waitFor(url) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not come up`);
}

let cookie = "";
const run = (url, conns) =>
  new Promise((resolve, reject) =>
    autocannon({ url, connections: conns, duration: seconds, headers: { cookie } }, (error, result) =>
      error ? reject(error) : resolve(result),
    ),
  );

const direct = `${upstream}/openapi/chuanbo/group_list?connectNo=${connectNo}&size=10&current=1`;
const viaConsole = `${consoleOrigin}/api/groups?current=1&size=10`;
const bare = `${consoleOrigin}/api/health`;
await waitFor(direct);
await waitFor(`${consoleOrigin}/api/health`);
cookie = await signIn(consoleOrigin, editor.username, editor.password);
// Warm both paths (JIT, route compilation) before measuring.
await run(direct, connections);
await run(viaConsole, connections);
await run(bare, connections);

const rows = [];
for (const [label, url] of [
  ["upstream directly", direct],
  ["through the console", viaConsole],
  ["bare route handler", bare],
]) {
  const one = await run(url, 1);
  const many = await run(url, connections);
  for (const r of [one, many]) if (r.non2xx > 0 || r.errors > 0) console.warn(`${label}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  rows.push({ label, p50: one.latency.p50, p90: one.latency.p90, p99: one.latency.p99, rps: many.requests.average });
}
console.log(`GET group_list, size 10, loopback, ${seconds} s a run; latency at 1 connection, throughput at ${connections}`);
console.log("path".padEnd(22), "p50 ms".padStart(8), "p90 ms".padStart(8), "p99 ms".padStart(8), "req/s".padStart(9));
for (const r of rows) {
  console.log(
    r.label.padEnd(22),
    String(r.p50).padStart(8),
    String(r.p90).padStart(8),
    String(r.p99).padStart(8),
    r.rps.toFixed(0).padStart(9),
  );
}
const [direct_, api, bareRow] = rows;
console.log(`\nthe console adds ${(api.p50 - direct_.p50).toFixed(2)} ms at the median to group_list (aim: at most 3 ms)`);
console.log(`throughput at ${connections} in flight: ${(api.rps / bareRow.rps).toFixed(2)}× the bare route handler's (aim: at least 0.5×)`);
stop();
process.exit(0);
