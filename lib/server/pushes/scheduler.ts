import "server-only";
import { recordAudit } from "@/lib/server/audit";
import { serverConfig } from "@/lib/server/config";
import { logger } from "@/lib/server/log";
import { auditOf } from "@/lib/server/pushes/policy";
import { sendPending } from "@/lib/server/pushes/send";
import { pushStore, type PushStore } from "@/lib/server/pushes/store";
import { processSingleton } from "@/lib/server/singleton";

// 定时发送 runs inside the server: every few seconds, due pushes are claimed with one atomic UPDATE
// (so each goes to exactly one caller, in any number of processes) and sent through the same path
// as an immediate push. Those too late (the console was down past the grace period) are marked
// missed, held ones expired, and audited: never sent twice, never dropped silently.

const EVERY_MS = 2_000;

/** One pass: overdue ones marked, due ones claimed and sent. How many of each. */
export async function runScheduler(store: PushStore = pushStore()): Promise<{ sent: number; overdue: number }> {
  const { graceMs } = serverConfig().schedule;
  const overdue = await store.markOverdue(graceMs);
  for (const record of overdue) {
    await recordAudit({ ...auditOf(record, null), action: record.status === "missed" ? "push_missed" : "push_expired" });
  }
  const due = await store.claimDue(graceMs);
  for (const record of due) await sendPending(record, null);
  return { sent: due.length, overdue: overdue.length };
}

/**
 * Once per process: every few seconds, the first pass (pushes that fell due while the server was
 * down) one interval after start, when the server is listening (on the simulator, the upstream is
 * this same server).
 */
export function startScheduler(): void {
  processSingleton("push-scheduler", () => {
    let running = false;
    const run = () => {
      if (running) return; // a slow upstream: the next pass waits for this one
      running = true;
      runScheduler()
        .catch((error: unknown) => logger().error({ err: error }, "push-scheduler"))
        .finally(() => (running = false));
    };
    const timer = setInterval(run, EVERY_MS);
    timer.unref();
    return timer;
  });
}
