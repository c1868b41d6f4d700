import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { jsonText, serialized, type ConsoleDatabase } from "@/lib/server/db";
import { logger } from "@/lib/server/log";

// The sign-in limits, both counting failures only (a newsroom signing in together behind one proxy
// is never turned away for succeeding):
// - per username: too many failed passwords for one name within the window, from any number of
//   addresses, and that name waits;
// - per address: too many failures from one address (an IPv6 caller's /64) within the last minute
//   (AUTH_SIGN_IN_LIMIT), whatever the names, and that address waits until one more fits.
// Failures are the audit log's own `sign_in_failed` entries (nothing else to keep in step); attempts
// still in flight count too (`sign_in_attempts`, in the database every console shares), so parallel
// guesses, on one console or split over several, cannot all slip past the count before their
// failures are written.

export type AccountLimit = { limit: number; windowMinutes: number };

/** The per-address limit's window. */
const ADDRESS_WINDOW_MS = 60_000;

/**
 * What the per-address limit counts by: an IPv4 address itself; an IPv6 address's /64 (one host
 * usually holds a whole /64, and could take a new address for every try); `unknown` for a request
 * whose address could not be told (they share one count). The failures' audit entries carry it as
 * `address_key` where it is not the address.
 */
export function signInAddressKey(ip: string | null): string {
  if (!ip) return "unknown";
  if (!ip.includes(":")) return ip;
  const [head = "", tail] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return ip;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}

/**
 * An address's attempts in `sign_in_attempts` (whose key column is named for usernames): a leading
 * space, which no username key has (they are trimmed), keeps the two kinds apart.
 */
const reservationKey = (addressKey: string) => ` address:${addressKey}`;

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

/** The failed sign-ins (not 429s: waiting is not failing) within the last minute counted under `addressKey`. */
function addressFailureRows({ db, dialect }: Pick<ConsoleDatabase, "db" | "dialect">, addressKey: string, now: Date) {
  const status = jsonText(dialect, "details", "status");
  const keyed = jsonText(dialect, "details", "address_key");
  return db
    .selectFrom("audit_log")
    .where("action", "=", "sign_in_failed")
    .where((eb) => eb.or([eb("ip", "=", addressKey), eb(keyed, "=", addressKey)]))
    .where("at", ">", new Date(now.getTime() - ADDRESS_WINDOW_MS).toISOString())
    .where(sql<number>`coalesce(cast(${status} as integer), 0)`, "<>", 429);
}

/** How many sign-ins failed within the last minute under `addressKey` (signInAddressKey), whatever the names. */
export async function addressFailures(cdb: Pick<ConsoleDatabase, "db" | "dialect">, addressKey: string, now = new Date()): Promise<number> {
  const row = await addressFailureRows(cdb, addressKey, now)
    .select((eb) => eb.fn.countAll<number>().as("failures"))
    .executeTakeFirst();
  return Number(row?.failures ?? 0);
}

/**
 * One attempt under `addressKey` (signInAddressKey: the per-address limit), or how many seconds it
 * must wait: until enough of its failures are a minute old for one more to fit (at least 1 s, which
 * is also the wait when only attempts in flight fill the limit: they end within seconds).
 */
export async function reserveAddressAttempt(
  cdb: ConsoleDatabase,
  addressKey: string,
  limit: number,
  now = new Date(),
): Promise<Reservation | { waitSeconds: number }> {
  // The failures the reservation counted: a refusal's wait starts from them, not from a count again.
  let failures = 0;
  const reserved = await reserve(
    cdb,
    reservationKey(addressKey),
    limit,
    async (db) => (failures = await addressFailures({ db, dialect: cdb.dialect }, addressKey, now)),
    now,
  );
  if (reserved) return reserved;
  if (failures < limit) return { waitSeconds: 1 };
  // With `failures` counted and room for `limit - 1`, the (failures - limit + 1)-th oldest must leave the window.
  const row = await addressFailureRows(cdb, addressKey, now)
    .select("at")
    .orderBy("at", "asc")
    .offset(failures - limit)
    .limit(1)
    .executeTakeFirst();
  const until = row ? Date.parse(String(row.at)) + ADDRESS_WINDOW_MS : now.getTime();
  return { waitSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
}
