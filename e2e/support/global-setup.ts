import { CONFIGURED_URL, SIM_URL } from "../../playwright.config";
import { CONFIGURED_EDITOR, DEMO_PASSWORD, STATE } from "./auth";
import { signedIn } from "./signed-in";
import type { FullConfig } from "@playwright/test";

// Signs each role in once, over HTTP, and saves the session for the tests to use.
async function signIn(baseURL: string, username: string, password: string, path: string) {
  const context = await signedIn(baseURL, username, password);
  await context.storageState({ path });
  await context.dispose();
}

export default async function globalSetup(_config: FullConfig) {
  await signIn(SIM_URL, "demo-editor", DEMO_PASSWORD, STATE.editor);
  await signIn(SIM_URL, "demo-editor2", DEMO_PASSWORD, STATE.editor2);
  await signIn(SIM_URL, "demo-supervisor", DEMO_PASSWORD, STATE.supervisor);
  await signIn(SIM_URL, "demo-admin", DEMO_PASSWORD, STATE.admin);
  await signIn(CONFIGURED_URL, CONFIGURED_EDITOR.username, CONFIGURED_EDITOR.password, STATE.configuredEditor);
}
