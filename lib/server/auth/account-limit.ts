import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { jsonText, serialized, type ConsoleDatabase } from "@/lib/server/db";
import { logger } from "@/lib/server/log";

// The per-username sign-in limit: too many failed passwords for one name within the window, from
// any number of addresses, and that name waits. Failures are the audit log's own `sign_in_failed`
// entries (nothing else to keep in step); attempts still in flight count too (`sign_in_attempts`,
// in the database every console shares), so parallel guesses, on one console or split over several,
// cannot all slip past the count before their failures are written.

export type AccountLimit = { limit: number; windowMinutes: number };

/** An attempt takes a second or two; one started before this (a minute ago) was left by a console that stopped. */
const abandonedBefore = (now: Date) => new Date(now.getTime() - 60_000).toISOString();

/** Deletes the attempts that consoles which stopped left behind (no longer counted); how many. */
export async function deleteAbandonedAttempts({ db }: Pick<ConsoleDatabase, "db">, now = new Date()): Promise<number> {
  const result = await db.deleteFrom("sign_in_attempts").where("started", "<", abandonedBefore(now)).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Failed sign-ins of `username` within the window and since its last successful sign-in. Refusals
 * for being rate-limited (429) are not failures: a locked name is not kept locked by more tries.
 */
export async function recentFailures(
  { db, dialect }: Pick<ConsoleDatabase, "db" | "dialect">,
  username: string,
  windowMinutes: number,
  now = new Date(),
): Promise<number> {
  const since = new Date(now.getTime() - windowMinutes * 60_000).toISOString();
  const status = jsonText(dialect, "details", "status");
  const row = await db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number>().as("failures"))
    .where("action", "=", "sign_in_failed")
    .where("target", "=", username)
    .where("at", ">=", since)
    .where(sql<number>`coalesce(cast(${status} as integer), 0)`, "<>", 429)
    .where("at", ">", (eb) =>
      eb.fn.coalesce(
        eb
          .selectFrom("audit_log")
          .select((inner) => inner.fn.max("at").as("last"))
          .where("action", "=", "sign_in")
          .where("actor", "=", username),
        sql.lit(""),
      ),
    )
    .executeTakeFirst();
  return Number(row?.failures ?? 0);
}

/**
 * Reserves one attempt for `username`, or null when it must wait. Reservations of one name are taken
 * one at a time across every console (`serialized`), each counting the failures and the attempts
 * before it. Call `release` once the attempt's outcome (and, for a failure, its audit entry) is
 * written; it never throws (a row it could not delete stops counting after a minute, and the hourly
 * sweep deletes it).
 */
export async function reserveAttempt(
  cdb: ConsoleDatabase,
  username: string,
  { limit, windowMinutes }: AccountLimit,
  now = new Date(),
): Promise<{ release(): Promise<void> } | null> {
  const id = randomUUID();
  const reserved = await serialized(cdb, `chuanbo-console.sign-in:${username}`, async (db) => {
    const pending = await db
      .selectFrom("sign_in_attempts")
      .select((eb) => eb.fn.countAll<number>().as("attempts"))
      .where("username", "=", username)
      .where("started", ">=", abandonedBefore(now))
      .executeTakeFirst();
    const failures = await recentFailures({ db, dialect: cdb.dialect }, username, windowMinutes, now);
    if (failures + Number(pending?.attempts ?? 0) >= limit) return false;
    await db.insertInto("sign_in_attempts").values({ id, username, started: now.toISOString() }).execute();
    return true;
  });
  if (!reserved) return null;
  let released: Promise<void> | undefined;
  return {
    release: () =>
      (released ??= cdb.db
        .deleteFrom("sign_in_attempts")
        .where("id", "=", id)
        .execute()
        .then(
          () => undefined,
          (error: unknown) => logger().warn({ err: error }, "sign-in: an attempt's reservation was not released"),
        )),
  };
}
