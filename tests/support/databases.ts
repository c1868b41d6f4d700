// The one way a test gets an empty database of each kind the console runs on: a new SQLite file,
// or a new database on the run's PostgreSQL (tests/support/postgres-setup.ts). Store tests run once
// per kind with describe.each(STORES).
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import type { DatabaseTarget } from "@/lib/server/db";

export const STORES = ["sqlite", "postgres"] as const;
export type StoreKind = (typeof STORES)[number];

export { targetOf, targetText } from "./database-target";

/** An empty database of this kind; SQLite's in a folder that does not exist yet (the console creates it). */
export async function freshDatabase(kind: StoreKind): Promise<DatabaseTarget> {
  if (kind === "sqlite") return { file: path.join(mkdtempSync(path.join(tmpdir(), "console-db-")), "nested", "console.sqlite") };
  const server = inject("postgresUrl");
  const name = `test_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString() };
}
