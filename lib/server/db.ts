import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Kysely, PostgresDialect, sql, SqliteDialect, type RawBuilder } from "kysely";
import pg from "pg";
import { serverConfig } from "@/lib/server/config";
import { migratePostgres, migrateSqlite } from "@/lib/server/db-migrate";
import { logger } from "@/lib/server/log";
import { processSingleton, resetProcessSingleton } from "@/lib/server/singleton";
import type { Tables } from "@/lib/server/db-tables";

// The console's one database: a SQLite file (the embedded default), or PostgreSQL when
// DATABASE_URL is set, so that several consoles share one state. One query layer (Kysely) over
// both; the few places where their SQL differs ask `dialect` or use the fragments below.

export type Dialect = "sqlite" | "postgres";
export type Db = Kysely<Tables>;

export type ConsoleDatabase = {
  db: Db;
  dialect: Dialect;
  /** SQLite only: the connection itself, for the one hot read that is a prepared statement (session-token.ts). */
  sqlite?: Database.Database;
  close(): Promise<void>;
};

/** pg reads bigint (count) and numeric (sum) as text; these are small counts, read as numbers. */
const pgTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === 20 || oid === 1700 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export type DatabaseTarget = { url: string } | { file: string };

/** Opens and migrates (db/migrations or db/postgres, each file once) the console's database. */
export async function openDatabase(target: DatabaseTarget, now: () => Date = () => new Date()): Promise<ConsoleDatabase> {
  if ("url" in target) {
    const pool = new pg.Pool({ connectionString: target.url, max: 10, types: pgTypes });
    // An idle connection the server dropped (restart, failover, a proxy's timeout) is said, not thrown:
    // the pool opens a new one for the next query.
    pool.on("error", (error) => logger().warn({ err: error }, "PostgreSQL: an idle connection failed"));
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    try {
      await migratePostgres(db, now);
    } catch (error) {
      await db.destroy();
      throw error;
    }
    return { db, dialect: "postgres", close: () => db.destroy() };
  }
  const { file } = target;
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  // A pending record must be on disk before the upstream is called, even across a power cut.
  sqlite.pragma("synchronous = FULL");
  migrateSqlite(sqlite, now);
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: "sqlite", sqlite, close: () => db.destroy() };
}

/** Where this process keeps its state: DATABASE_URL, else the SQLite file. */
export function configuredTarget(): DatabaseTarget {
  const { databaseUrl, databasePath } = serverConfig();
  return databaseUrl ? { url: databaseUrl } : { file: databasePath };
}

/** This process's database (opened and migrated on first use; a failed open is tried again next time). */
export function consoleDatabase(): Promise<ConsoleDatabase> {
  return processSingleton("database", () =>
    openDatabase(configuredTarget()).catch((error: unknown) => {
      resetProcessSingleton("database");
      throw error;
    }),
  );
}

/**
 * `work` in one transaction that writers take one at a time: on SQLite BEGIN IMMEDIATE (the write
 * lock, across processes, from the start); on PostgreSQL a transaction-scoped advisory lock on
 * `lock`, so that writers of one kind (e.g. one sender's pushes) queue across every console while
 * others go on. Inside, use only the `db` given: on SQLite the one connection is held by `work`.
 * Within this process, callers of one lock wait their turn before asking the database: a burst on
 * one lock (one sender's pushes, guesses at one username) holds one pooled connection, not all.
 */
export function serialized<T>(cdb: ConsoleDatabase, lock: string, work: (db: Db) => Promise<T>): Promise<T> {
  return inTurn(lock, () => (cdb.dialect === "postgres" ? lockedOnPostgres(cdb, lock, work) : immediateOnSqlite(cdb, work)));
}

/** This process's queue per lock: the end of the last caller's turn (never a rejection), which the next waits for. */
const turns = () => processSingleton("serialized-turns", () => new Map<string, Promise<unknown>>());

async function inTurn<T>(lock: string, work: () => Promise<T>): Promise<T> {
  const queue = turns();
  const mine = (queue.get(lock) ?? Promise.resolve()).then(work);
  const done = mine.then(
    () => undefined,
    () => undefined,
  );
  queue.set(lock, done);
  try {
    return await mine;
  } finally {
    if (queue.get(lock) === done) queue.delete(lock);
  }
}

function lockedOnPostgres<T>(cdb: ConsoleDatabase, lock: string, work: (db: Db) => Promise<T>): Promise<T> {
  return cdb.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${lock}))`.execute(trx);
    return work(trx);
  });
}

function immediateOnSqlite<T>(cdb: ConsoleDatabase, work: (db: Db) => Promise<T>): Promise<T> {
  return cdb.db.connection().execute(async (db) => {
    await sql`BEGIN IMMEDIATE`.execute(db);
    try {
      const result = await work(db);
      await sql`COMMIT`.execute(db);
      return result;
    } catch (error) {
      await sql`ROLLBACK`.execute(db);
      throw error;
    }
  });
}

/** A text field of a JSON text column (NULL when absent). */
export function jsonText(dialect: Dialect, column: string, field: string): RawBuilder<string | null> {
  return dialect === "postgres"
    ? sql<string | null>`(${sql.ref(column)}::jsonb ->> ${field})`
    : sql<string | null>`json_extract(${sql.ref(column)}, ${`$.${field}`})`;
}

/** The sender, none as "": the unique index on (sender, key) writes it so, and a query that does too uses the index. */
export function senderKey(dialect: Dialect): RawBuilder<string> {
  return dialect === "postgres" ? sql<string>`coalesce(sent_by, '')` : sql<string>`ifnull(sent_by, '')`;
}

/** better-auth's dates and flags, from either store. */
export const authTime = (value: string | Date): number => (value instanceof Date ? value.getTime() : Date.parse(value));
export const authIso = (value: string | Date): string => new Date(authTime(value)).toISOString();
