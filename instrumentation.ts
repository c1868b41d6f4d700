// Next calls this once when the server starts: a bad configuration stops the server there, with a
// clear message, instead of failing on every request; and the sweep that settles sends a crash left
// unfinished starts, and so do the scheduler of 定时发送 and the sweep of expired sessions.
export async function register() {
  // Next's documented guard (inlined at build): the check uses Node APIs the Edge runtime lacks.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkConfigurationOrExit, prepareAccountsOrExit, startPushSweep, startScheduler, startSessionSweep } =
    await import("@/lib/server/startup");
  checkConfigurationOrExit();
  await prepareAccountsOrExit();
  startPushSweep();
  startScheduler();
  startSessionSweep();
}
