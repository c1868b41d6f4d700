"use client";

import { signInAgainHref } from "@/lib/auth/sign-in-again";

/**
 * After a 401's message: signs in again in a new tab, so that this page, its open dialog and what
 * was typed in it stay as they are, to try again on return. Loaded only when a session has ended.
 */
export function SignInAgainLink() {
  // Rendered in the browser only (after a failed call), so the address is this tab's.
  const here = `${window.location.pathname}${window.location.search}`;
  return (
    // Its own line under the message (an alert's lines stack).
    <p>
      <a className="mr-1 font-medium underline" href={signInAgainHref(here)} target="_blank" rel="noopener">
        在新标签页登录
      </a>
      后回到这里重试，这里的内容会保持原样。
    </p>
  );
}
