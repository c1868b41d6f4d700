import "server-only";
import { groupList } from "@/lib/server/chuanbo-client";
import { logger } from "@/lib/server/log";
import { processSingleton } from "@/lib/server/singleton";

// Readiness (/api/ready): can the console reach the vendor? Anyone may ask, so the vendor is asked at
// most once per READY_CHECK_INTERVAL_MS, whatever the number of callers; everyone in between gets
// the last answer, or waits for the one in flight.

export const READY_CHECK_INTERVAL_MS = 30_000;

export type Readiness = { ready: boolean; checkedAt: string };
type Store = { last?: Readiness & { at: number }; inflight?: Promise<Readiness> };

/** Every route bundle of the one server process shares it. */
const store = () => processSingleton<Store>("readiness", () => ({}));

async function check(now: number): Promise<Readiness> {
  try {
    await groupList({ current: 1, size: 1 });
    return { ready: true, checkedAt: new Date(now).toISOString() };
  } catch (error) {
    // For the operator only: the reason goes to the log (vendor text arrives already redacted), never to the caller.
    logger().warn({ ready: false, reason: error instanceof Error ? error.message : String(error) }, "ready");
    return { ready: false, checkedAt: new Date(now).toISOString() };
  }
}

export async function upstreamReadiness(now = Date.now()): Promise<Readiness> {
  const s = store();
  if (s.last && now - s.last.at < READY_CHECK_INTERVAL_MS) return { ready: s.last.ready, checkedAt: s.last.checkedAt };
  s.inflight ??= check(now)
    .then((result) => {
      s.last = { ...result, at: now };
      return result;
    })
    .finally(() => (s.inflight = undefined));
  return s.inflight;
}
