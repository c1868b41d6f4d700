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
  const db = consoleDatabase();
  const count = (sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;
  m.awaitingApproval.set(count("SELECT count(*) AS n FROM pushes WHERE status = 'pending_approval'"));
  m.scheduledNextHour.set(
    count("SELECT count(*) AS n FROM pushes WHERE status = 'scheduled' AND scheduled_at <= ?", new Date(now + 3_600_000).toISOString()),
  );
  const index = groupIndexSize();
  m.groupIndexSize.set(index.groups);
  if (index.fetchedAt) m.groupIndexAge.set(Math.max(0, (now - Date.parse(index.fetchedAt)) / 1000));
  else m.groupIndexAge.reset();
  return { contentType: m.registry.contentType, text: await m.registry.metrics() };
}
