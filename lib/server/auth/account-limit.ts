import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { jsonText, serialized, type ConsoleDatabase } from "@/lib/server/db";
import { logger } from "@/lib/server/log";

// The sign-in limits, both counting failures only (a newsroom signing in together behind one proxy
// is never turned away for succeeding):
// - per username: too many failed passwords for one name within the window, from any number of
//   addresses, and that name waits;
// - per address: too many failures from one address within the last minute (AUTH_SIGN_IN_LIMIT),
//   whatever the names, and that address waits until the oldest of them is a minute old.
// Failures are the audit log's own `sign_in_failed` entries (nothing else to keep in step); attempts
// still in flight count too (`sign_in_attempts`, in the database every console shares), so parallel
// guesses, on one console or split over several, cannot all slip past the count before their
// failures are written.

export type AccountLimit = { limit: number; windowMinutes: number };

/** The per-address limit's window. */
const ADDRESS_WINDOW_MS = 60_000;

/**
 * An address's attempts in `sign_in_attempts` (whose key column is named for usernames): a leading
 * space, which no username key has (they are trimmed), keeps the two kinds apart.
 */
const addressKey = (ip: string) => ` address:${ip}`;

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

type Reservation = { release(): Promise<void> };

/**
 * Reserves one attempt under `key`, or null when it must wait: reservations of one key are taken one
 * at a time across every console (`serialized`), each counting the failures and the attempts before
 * it. Call `release` once the attempt's outcome (and, for a failure, its audit entry) is written; it
 * never throws (a row it could not delete stops counting after a minute, and the hourly sweep deletes it).
 */
async function reserve(
  cdb: ConsoleDatabase,
  key: string,
  limit: number,
  failures: (db: ConsoleDatabase["db"]) => Promise<number>,
  now: Date,
): Promise<Reservation | null> {
  const id = randomUUID();
  const reserved = await serialized(cdb, `chuanbo-console.sign-in:${key}`, async (db) => {
    const pending = await db
      .selectFrom("sign_in_attempts")
      .select((eb) => eb.fn.countAll<number>().as("attempts"))
      .where("username", "=", key)
      .where("started", ">=", abandonedBefore(now))
      .executeTakeFirst();
    if ((await failures(db)) + Number(pending?.attempts ?? 0) >= limit) return false;
    await db.insertInto("sign_in_attempts").values({ id, username: key, started: now.toISOString() }).execute();
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

/** One attempt for `username` (the per-username limit), or null when that name must wait. */
export const reserveAttempt = (cdb: ConsoleDatabase, username: string, { limit, windowMinutes }: AccountLimit, now = new Date()) =>
  reserve(cdb, username, limit, (db) => recentFailures({ db, dialect: cdb.dialect }, username, windowMinutes, now), now);

/**
 * Failed sign-ins from `ip` within the last minute, whatever the names (not 429s: waiting is not
 * failing), and when the oldest of them stops counting (ISO 8601; null when there are none).
 */
export async function addressFailures(
  { db, dialect }: Pick<ConsoleDatabase, "db" | "dialect">,
  ip: string,
  now = new Date(),
): Promise<{ failures: number; until: string | null }> {
  const status = jsonText(dialect, "details", "status");
  const row = await db
    .selectFrom("audit_log")
    .select((eb) => [eb.fn.countAll<number>().as("failures"), eb.fn.min("at").as("oldest")])
    .where("action", "=", "sign_in_failed")
    .where("ip", "=", ip)
    .where("at", ">", new Date(now.getTime() - ADDRESS_WINDOW_MS).toISOString())
    .where(sql<number>`coalesce(cast(${status} as integer), 0)`, "<>", 429)
    .executeTakeFirst();
  const oldest = row?.oldest ? String(row.oldest) : null;
  return {
    failures: Number(row?.failures ?? 0),
    until: oldest ? new Date(new Date(oldest).getTime() + ADDRESS_WINDOW_MS).toISOString() : null,
  };
}

/**
 * One attempt from `ip` (the per-address limit), or how many seconds it must wait: until the oldest
 * failure counted is a minute old (at least 1 s: the attempts in flight end within seconds).
 */
export async function reserveAddressAttempt(
  cdb: ConsoleDatabase,
  ip: string,
  limit: number,
  now = new Date(),
): Promise<Reservation | { waitSeconds: number }> {
  const key = addressKey(ip);
  const reserved = await reserve(
    cdb,
    key,
    limit,
    async (db) => (await addressFailures({ db, dialect: cdb.dialect }, ip, now)).failures,
    now,
  );
  if (reserved) return reserved;
  const { until } = await addressFailures(cdb, ip, now);
  return { waitSeconds: Math.max(1, Math.ceil(((until ? Date.parse(until) : 0) - now.getTime()) / 1000)) };
}
