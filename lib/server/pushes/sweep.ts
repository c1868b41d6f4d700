import "server-only";
import { repeatInBackground } from "@/lib/server/background";
import { abandonedBefore, settleAbandoned } from "@/lib/server/pushes/settle";
import { pushStore, type PushStore } from "@/lib/server/pushes/store";

// A send the server never finished (it crashed or was stopped while waiting for the upstream)
// would read 发送中 forever: at start and every minute, such records are settled as unknown.

const EVERY_MS = 60_000;

/** Settles every abandoned pending record; how many it settled. */
export async function sweepAbandonedPushes(store: PushStore = pushStore(), now = Date.now()): Promise<number> {
  const records = await store.pendingSince(abandonedBefore(now));
  for (const record of records) await settleAbandoned(store, record, null);
  return records.length;
}

/** Once per process: a sweep now, then every minute. */
export function startPushSweep(): void {
  repeatInBackground("push-sweep", EVERY_MS, () => sweepAbandonedPushes(), { atStart: true });
}
