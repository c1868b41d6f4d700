import "server-only";
import { processSingleton } from "@/lib/server/singleton";
import type Database from "better-sqlite3";

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
export function recentFailures(db: Database.Database, username: string, windowMinutes: number, now = new Date()): number {
  const since = new Date(now.getTime() - windowMinutes * 60_000).toISOString();
  const row = db
    .prepare<[{ username: string; since: string }], { failures: number }>(
      `SELECT count(*) AS failures FROM audit_log
       WHERE action = 'sign_in_failed' AND target = @username AND at >= @since
         AND coalesce(json_extract(details, '$.status'), 0) <> 429
         AND at > coalesce((SELECT max(at) FROM audit_log WHERE action = 'sign_in' AND actor = @username), '')`,
    )
    .get({ username, since });
  return row?.failures ?? 0;
}

/**
 * Reserves one attempt for `username`, or null when it must wait. Synchronous from count to
 * reservation, so concurrent requests in this process are counted one after another. Call
 * `release` once the attempt's outcome (and, for a failure, its audit entry) is written.
 */
export function reserveAttempt(
  db: Database.Database,
  username: string,
  { limit, windowMinutes }: AccountLimit,
): { release(): void } | null {
  const pending = inFlight();
  const current = pending.get(username) ?? 0;
  if (recentFailures(db, username, windowMinutes) + current >= limit) return null;
  pending.set(username, current + 1);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      const left = (pending.get(username) ?? 1) - 1;
      if (left > 0) pending.set(username, left);
      else pending.delete(username);
    },
  };
}
