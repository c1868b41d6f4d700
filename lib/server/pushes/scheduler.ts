import "server-only";
import { recordAudit } from "@/lib/server/audit";
import { repeatInBackground } from "@/lib/server/background";
import { serverConfig } from "@/lib/server/config";
import { auditOf } from "@/lib/server/pushes/policy";
import { sendPending } from "@/lib/server/pushes/send";
import { pushStore, type PushStore } from "@/lib/server/pushes/store";

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
  repeatInBackground("push-scheduler", EVERY_MS, () => runScheduler());
}
