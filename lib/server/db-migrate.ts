import "server-only";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import type { Db } from "@/lib/server/db";
import type Database from "better-sqlite3";

// Migrations, each file once in name order: db/migrations on SQLite, db/postgres on PostgreSQL.
// Run by every start (a second process starting at the same moment waits, then finds them
// applied) and by `npm run migrate`.

/** From the working directory, not __dirname: Next bundles this file elsewhere. */
const dir = (name: string) => path.join(process.cwd(), "db", name);

const migrationFiles = (folder: string) =>
  readdirSync(folder)
    .filter((f) => /^\d+.*\.sql$/.test(f))
    .sort();

export function migrateSqlite(db: Database.Database, now: () => Date): string[] {
  const folder = dir("migrations");
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
  return db
    .transaction(() => {
      const applied = new Set(
        db
          .prepare<[], { name: string }>("SELECT name FROM schema_migrations")
          .all()
          .map((r) => r.name),
      );
      const done: string[] = [];
      for (const file of migrationFiles(folder)) {
        if (applied.has(file)) continue;
        db.exec(readFileSync(path.join(folder, file), "utf8"));
        db.prepare("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)").run(file, now().toISOString());
        done.push(file);
      }
      return done;
    })
    .immediate();
}

/** All in one transaction (PostgreSQL's DDL is transactional), behind an advisory lock. */
export async function migratePostgres(db: Db, now: () => Date): Promise<string[]> {
  const folder = dir("postgres");
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('chuanbo-console.migrations'))`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at text NOT NULL)`.execute(trx);
    const applied = new Set((await trx.selectFrom("schema_migrations").select("name").execute()).map((r) => r.name));
    const done: string[] = [];
    for (const file of migrationFiles(folder)) {
      if (applied.has(file)) continue;
      // No parameters: the simple query protocol, which takes a file of several statements.
      await sql.raw(readFileSync(path.join(folder, file), "utf8")).execute(trx);
      await trx.insertInto("schema_migrations").values({ name: file, applied_at: now().toISOString() }).execute();
      done.push(file);
    }
    return done;
  });
}
