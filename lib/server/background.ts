import "server-only";
import { logger } from "@/lib/server/log";
import { processSingleton } from "@/lib/server/singleton";

/**
 * Once per process, `work` every `everyMs` (and once at once when `atStart`), one run at a time: a
 * run still going when the next falls due (a slow upstream or database) makes that one wait for the
 * next turn. Never keeps the process alive; a failure is logged under `name` and the next run comes.
 */
export function repeatInBackground(name: string, everyMs: number, work: () => Promise<unknown>, { atStart = false } = {}): void {
  processSingleton(name, () => {
    let running = false;
    const run = () => {
      if (running) return;
      running = true;
      // Through a promise even when `work` throws at once: the next run must still come.
      Promise.resolve()
        .then(work)
        .catch((error: unknown) => logger().error({ err: error }, name))
        .finally(() => (running = false));
    };
    const timer = setInterval(run, everyMs);
    timer.unref();
    if (atStart) run();
    return timer;
  });
}
