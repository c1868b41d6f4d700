// The session check every request makes (lib/server/auth/session-token.ts): the cookie's HMAC and
// one read of the session and its user, timed over many checks of one live session, on a fresh
// SQLite file and, with BENCH_DATABASE_URL (e.g. from `node scripts/pg-cluster.mjs`), on PostgreSQL.
//   node_modules/.bin/tsx --conditions=react-server bench/session-check.ts [checks, default 2000]
import { createHmac } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { userOfCookie } from "@/lib/server/auth/session-token";
import { openDatabase, type DatabaseTarget } from "@/lib/server/db";

const checks = Number(process.argv[2] ?? 2000);
const SECRET = "bench-session-secret-0123456789abcdef";
const NAME = "chuanbo.session_token";
const token = "bench-session-token";
const header = `${NAME}=${encodeURIComponent(`${token}.${createHmac("sha256", SECRET).update(token).digest("base64")}`)}`;

async function measure(label: string, target: DatabaseTarget) {
  const database = await openDatabase(target);
  const flag = (on: boolean) => (database.dialect === "sqlite" ? Number(on) : on);
  const now = new Date().toISOString();
  const later = new Date(Date.now() + 3_600_000).toISOString();
  await sql`INSERT INTO "user" ("id", "name", "email", "emailVerified", "createdAt", "updatedAt", "username", "role", "banned")
    VALUES ('bench-user', '压测', 'bench@users.chuanbo.invalid', ${flag(true)}, ${now}, ${now}, 'bench', 'editor', ${flag(false)})`.execute(
    database.db,
  );
  await sql`INSERT INTO "session" ("id", "expiresAt", "token", "createdAt", "updatedAt", "userId")
    VALUES ('bench-session', ${later}, ${token}, ${now}, ${now}, 'bench-user')`.execute(database.db);
  const cookie = { name: NAME, secret: SECRET };
  for (let i = 0; i < 200; i++) await userOfCookie(database, header, cookie); // warm up
  const started = process.hrtime.bigint();
  for (let i = 0; i < checks; i++) {
    if (!(await userOfCookie(database, header, cookie))) throw new Error("the session was not found");
  }
  const micros = Number(process.hrtime.bigint() - started) / 1000 / checks;
  console.log(
    `${label.padEnd(11)} ${micros.toFixed(0).padStart(6)} µs a check (${checks.toLocaleString("en-US")} checks, one after another)`,
  );
  await database.close();
}

async function main() {
  await measure("SQLite", { file: path.join(mkdtempSync(path.join(tmpdir(), "bench-session-")), "console.sqlite") });
  const url = process.env.BENCH_DATABASE_URL;
  if (url) await measure("PostgreSQL", { url });
  else console.log("PostgreSQL  (set BENCH_DATABASE_URL to an empty database to measure it too)");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
