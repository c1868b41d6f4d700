import pg from "pg";
import { SET } from "./server-set";

// The tests' PostgreSQL: the throw-away cluster the global setup started (or the server
// TEST_DATABASE_URL names), reached as the console's own role, which may create databases.

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL 未设置：PostgreSQL 由 e2e/support/global-setup.ts 启动，请用 npx playwright test 运行。");
  return url;
}

/** A client of `url` as the console role; the caller ends it. */
export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/**
 * A new, empty database `test_<name>_<set>` (dropped first if a run before left it), and its URL.
 * The worker's set in the name: workers share the one cluster, never a database.
 */
export async function freshDatabase(name: string): Promise<string> {
  const database = `test_${name.toLowerCase().replace(/[^a-z0-9_]/g, "_")}_${SET}`;
  const client = await connect(testDatabaseUrl());
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${database}`;
  return url.toString();
}
