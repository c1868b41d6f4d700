import "server-only";
import { deleteAbandonedAttempts } from "@/lib/server/auth/account-limit";
import { repeatInBackground } from "@/lib/server/background";
import { consoleDatabase, type ConsoleDatabase } from "@/lib/server/db";

// A session past its expiry is refused when read (session-token.ts), but its row stayed for good:
// one more for every sign-in. At start and every hour each console deletes the expired ones, and
// the sign-in attempts a stopped console left behind (the same DELETEs on several consoles are
// harmless).

const EVERY_MS = 60 * 60_000;

/** Deletes the sessions that expired before `now`; how many. */
export async function deleteExpiredSessions({ db, dialect }: Pick<ConsoleDatabase, "db" | "dialect">, now = new Date()): Promise<number> {
  // better-auth writes the time as ISO 8601 text on SQLite, a timestamptz on PostgreSQL.
  const before = dialect === "postgres" ? now : now.toISOString();
  const result = await db.deleteFrom("session").where("expiresAt", "<", before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Once per process: now, then every hour. */
export function startSessionSweep(): void {
  repeatInBackground(
    "session-sweep",
    EVERY_MS,
    async () => {
      const cdb = await consoleDatabase();
      await deleteExpiredSessions(cdb);
      await deleteAbandonedAttempts(cdb);
    },
    { atStart: true },
  );
}
