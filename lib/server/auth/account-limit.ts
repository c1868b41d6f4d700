import "server-only";
import { sql } from "kysely";
import { jsonText, type ConsoleDatabase } from "@/lib/server/db";
import { processSingleton } from "@/lib/server/singleton";

// The per-username sign-in limit: too many failed passwords for one name within the window, from
// any number of addresses, and that name waits. Failures are the audit log's own `sign_in_failed`
// entries (nothing else to keep in step); attempts still in flight count too, so parallel guesses
// cannot all slip past the count before their failures are written.

export type AccountLimit = { limit: number; windowMinutes: number };

const inFlight = () => processSingleton("sign-in-in-flight", () => new Map<string, number>());

/**
 * Failed sign-ins of `username` within the window and since its last successful sign-in. Refusals
 * for being rate-limited (429) are not failures: a locked name is not kept locked by more tries.
 */
export async function recentFailures(
  { db, dialect }: ConsoleDatabase,
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
 * Reserves one attempt for `username`, or null when it must wait. The reservation is taken before
 * the failures are counted, so concurrent requests in this process each count the ones before
 * them. Call `release` once the attempt's outcome (and, for a failure, its audit entry) is written.
 */
export async function reserveAttempt(
  cdb: ConsoleDatabase,
  username: string,
  { limit, windowMinutes }: AccountLimit,
): Promise<{ release(): void } | null> {
  const pending = inFlight();
  const before = pending.get(username) ?? 0;
  pending.set(username, before + 1);
  let released = false;
  const reservation = {
    release() {
      if (released) return;
      released = true;
      const left = (pending.get(username) ?? 1) - 1;
      if (left > 0) pending.set(username, left);
      else pending.delete(username);
    },
  };
  try {
    if ((await recentFailures(cdb, username, windowMinutes)) + before < limit) return reservation;
  } catch (error) {
    reservation.release();
    throw error;
  }
  reservation.release();
  return null;
}
