// A throw-away PostgreSQL cluster for the tests: initdb in a temp dir, started on a free loopback
// port, with a `console` login role that owns the database `chuanbo` and is not a superuser (a
// superuser would pass the audit log's missing UPDATE/DELETE grants and prove nothing). Stopped
// and deleted by stop().
//
// `node scripts/pg-cluster.mjs` starts one and prints its URL until Ctrl-C (for running the console
// or one test file by hand). Tests call startCluster() from their global setups, unless
// TEST_DATABASE_URL names a server already (the same kind of role, with CREATEDB).
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

const ROLE = "console";

/** The newest PostgreSQL server binaries Debian installed, or the ones on PATH. */
function binDir() {
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(path.join(root, v, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length > 0) return path.join(root, versions[0], "bin");
  }
  try {
    return execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error(
      "没有找到 PostgreSQL 服务器程序（initdb）。测试需要它：apt-get install postgresql，或者设置 TEST_DATABASE_URL 指向一个可建库的 PostgreSQL。",
    );
  }
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** initdb refuses root: as root the cluster belongs to the `postgres` user and its commands run as it. */
function runner(dir) {
  if (process.getuid?.() !== 0) return (bin, args) => execFileSync(bin, args, { stdio: "pipe" });
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }));
  chownSync(dir, uid, gid);
  const quote = (s) => `'${String(s).replaceAll("'", "'\\''")}'`;
  return (bin, args) => execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", [bin, ...args].map(quote).join(" ")], { stdio: "pipe" });
}

export async function startCluster() {
  const bin = binDir();
  const dir = mkdtempSync(path.join(tmpdir(), "chuanbo-pg-"));
  const data = path.join(dir, "data");
  const run = runner(dir);
  const port = await freePort();
  run(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200`;
  run(path.join(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", path.join(dir, "server.log"), "-w", "start"]);
  const stop = () => {
    try {
      run(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    const admin = new pg.Client({ host: "127.0.0.1", port, user: "postgres", database: "postgres" });
    await admin.connect();
    await admin.query(`CREATE ROLE ${ROLE} LOGIN CREATEDB PASSWORD '${ROLE}'`);
    // Its own database: since PostgreSQL 15 only a database's owner may create tables in `public`.
    await admin.query(`CREATE DATABASE chuanbo OWNER ${ROLE}`);
    await admin.end();
  } catch (error) {
    stop();
    throw error;
  }
  return { url: `postgres://${ROLE}:${ROLE}@127.0.0.1:${port}/chuanbo`, stop };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cluster = await startCluster();
  console.log(cluster.url);
  const end = () => {
    cluster.stop();
    process.exit(0);
  };
  process.on("SIGINT", end);
  process.on("SIGTERM", end);
  setInterval(() => {}, 1 << 30);
}
