import { readFileSync } from "node:fs";
import { SET } from "./server-set";
import type { Page } from "@playwright/test";

// Signed-in sessions for the tests: e2e/support/global-setup.ts signs each role in once on every
// set of servers (e2e/support/server-set.ts) and saves its cookies here; the default
// (playwright.config.ts) is the editor's. STATE is this worker's set's.

export const DEMO_PASSWORD = "chuanbo-demo";
export const stateOf = (set: number) => {
  const dir = `test-results/auth/${set}`;
  return {
    editor: `${dir}/demo-editor.json`,
    editor2: `${dir}/demo-editor2.json`,
    supervisor: `${dir}/demo-supervisor.json`,
    admin: `${dir}/demo-admin.json`,
    /** The editor of the console configured against the fake vendor (created there by the user CLI). */
    configuredEditor: `${dir}/configured-editor.json`,
  } as const;
};
export const STATE = stateOf(SET);

export const CONFIGURED_EDITOR = { username: "wire-editor", password: "wire-test-password" };

/** "name=value" of a saved session, for a test that sets its own Cookie header (which replaces the context's). */
export function sessionCookie(state: string): string {
  const { cookies } = JSON.parse(readFileSync(state, "utf8")) as { cookies: Array<{ name: string; value: string }> };
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

/** Signs in on the sign-in page this page shows, as a person would: the form's two fields and 登录. */
export async function signInOnPage(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}
