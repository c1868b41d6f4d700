import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { consoleDatabase } from "@/lib/server/db";
import { groupIndexSize } from "@/lib/server/group-index";
import { metrics } from "@/lib/server/metrics";

// A scrape of GET /api/metrics: who may read it, and the gauges read from the database and the
// group index at that moment (the counters are kept as things happen).

/** Constant-time: both sides hashed to the same length first, so neither length nor prefix leaks. */
export function tokenMatches(header: string | null, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(header ?? "")?.[1] ?? "";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}

export async function scrape(now = Date.now()): Promise<{ contentType: string; text: string }> {
  const m = metrics();
  const { db } = await consoleDatabase();
  const counts = await db
    .selectFrom("pushes")
    .select((eb) => [
      eb.fn.sum<number>(eb.case().when("status", "=", "pending_approval").then(1).else(0).end()).as("awaiting"),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb("status", "=", "scheduled"), eb("scheduled_at", "<=", new Date(now + 3_600_000).toISOString())]))
            .then(1)
            .else(0)
            .end(),
        )
        .as("next_hour"),
    ])
    .where("status", "in", ["pending_approval", "scheduled"])
    .executeTakeFirst();
  m.awaitingApproval.set(Number(counts?.awaiting ?? 0));
  m.scheduledNextHour.set(Number(counts?.next_hour ?? 0));
  const index = await groupIndexSize();
  m.groupIndexSize.set(index.groups);
  if (index.fetchedAt) m.groupIndexAge.set(Math.max(0, (now - Date.parse(index.fetchedAt)) / 1000));
  else m.groupIndexAge.reset();
  return { contentType: m.registry.contentType, text: await m.registry.metrics() };
}
