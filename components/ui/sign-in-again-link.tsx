"use client";

import { signInAgainHref } from "@/lib/auth/sign-in-again";

/**
 * A 401's message and, on a line of its own, a link that signs in again in a new tab, so that this
 * page, its open dialog and what was typed in it stay as they are, to try again on return. Loaded
 * only when a session has ended; both come at once, so an alert around them is announced once.
 */
export function SignInAgain({ message }: { message: string }) {
  return (
    <>
      {message}
      <p>
        <a className="mr-1 font-medium underline" href={signInAgainHref({ newTab: true })} target="_blank" rel="noopener">
          在新标签页登录
        </a>
        后回到这里重试，这里的内容会保持原样。
      </p>
    </>
  );
}
