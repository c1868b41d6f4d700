import "server-only";
import type Database from "better-sqlite3";
import { serverConfig } from "@/lib/server/config";
import { openDatabase } from "@/lib/server/push-store";

// One connection for accounts, sessions and the audit log, in the console's SQLite file.

const KEY = Symbol.for("chuanbo-console.auth-database");
type WithDb = typeof globalThis & { [KEY]?: Database.Database };

export function authDatabase(): Database.Database {
  const g = globalThis as WithDb;
  g[KEY] ??= openDatabase(serverConfig().databasePath);
  return g[KEY];
}
