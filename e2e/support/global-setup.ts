import { CONFIGURED_EDITOR, DEMO_PASSWORD, stateOf } from "./auth";
import { serverSet, SETS } from "./server-set";
import { signedIn } from "./signed-in";
import type { FullConfig } from "@playwright/test";

// Signs each role in once on every worker's set of servers, over HTTP, and saves the session for the tests to use.
async function signIn(baseURL: string, username: string, password: string, path: string) {
  const context = await signedIn(baseURL, username, password);
  await context.storageState({ path });
  await context.dispose();
}

/**
 * A throw-away PostgreSQL for the tests of several consoles on one database (e2e/support/postgres.ts),
 * unless TEST_DATABASE_URL names one. Its URL goes to the workers in TEST_DATABASE_URL. No
 * PostgreSQL installed is a failure saying how to install it, never a skipped test.
 */
async function postgres(): Promise<() => void> {
  if (process.env.TEST_DATABASE_URL) return () => {};
  // Imported, not required: the script's own main block awaits at top level.
  const { startCluster } = await import("../../scripts/pg-cluster.mjs");
  const cluster = await startCluster();
  process.env.TEST_DATABASE_URL = cluster.url;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    cluster.stop();
  };
  process.once("exit", stop); // an interrupted run leaves no server behind either
  return stop;
}

export default async function globalSetup(_config: FullConfig) {
  const stopPostgres = await postgres();
  try {
    for (let set = 0; set < SETS; set++) {
      const { simUrl, configuredUrl } = serverSet(set);
      const state = stateOf(set);
      await signIn(simUrl, "demo-editor", DEMO_PASSWORD, state.editor);
      await signIn(simUrl, "demo-editor2", DEMO_PASSWORD, state.editor2);
      await signIn(simUrl, "demo-supervisor", DEMO_PASSWORD, state.supervisor);
      await signIn(simUrl, "demo-admin", DEMO_PASSWORD, state.admin);
      await signIn(configuredUrl, CONFIGURED_EDITOR.username, CONFIGURED_EDITOR.password, state.configuredEditor);
    }
  } catch (error) {
    stopPostgres();
    throw error;
  }
  // Returned, it is Playwright's global teardown.
  return stopPostgres;
}
