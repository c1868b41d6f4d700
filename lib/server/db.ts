import "server-only";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { serverConfig } from "@/lib/server/config";
import { processSingleton } from "@/lib/server/singleton";

// The console's SQLite file: opened here, migrated here (db/migrations, in name order, each once).
// Accounts, sessions, the audit log and the push records all live in it.

/** From the working directory, not __dirname: Next bundles this file elsewhere. */
const migrationsDir = () => path.join(process.cwd(), "db", "migrations");

function migrate(db: Database.Database, dir: string, now: () => Date) {
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
  const files = readdirSync(dir)
    .filter((f) => /^\d+.*\.sql$/.test(f))
    .sort();
  // IMMEDIATE: a second process starting at the same moment waits, then finds them applied.
  db.transaction(() => {
    const applied = new Set(
      db
        .prepare<[], { name: string }>("SELECT name FROM schema_migrations")
        .all()
        .map((r) => r.name),
    );
    for (const file of files) {
      if (applied.has(file)) continue;
      db.exec(readFileSync(path.join(dir, file), "utf8"));
      db.prepare("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)").run(file, now().toISOString());
    }
  }).immediate();
}

/** The console's SQLite file, created on first use, with every migration applied. */
export function openDatabase(file: string, now: () => Date = () => new Date()): Database.Database {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  // A pending record must be on disk before the upstream is called, even across a power cut.
  db.pragma("synchronous = FULL");
  migrate(db, migrationsDir(), now);
  return db;
}

/** This process's connection for accounts, sessions and the audit log (the push store keeps its own). */
export const consoleDatabase = (): Database.Database => processSingleton("database", () => openDatabase(serverConfig().databasePath));
