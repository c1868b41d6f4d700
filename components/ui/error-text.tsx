"use client";

import { onDemand } from "@/components/ui/on-demand";

const SignInAgain = onDemand(async () => (await import("@/components/ui/sign-in-again-link")).SignInAgain);

/**
 * A failed call's message, as the server wrote it; after a 401 (whose message says the session
 * ended), with a link that signs in again in a new tab, keeping this page and what was typed in it.
 */
export function ErrorText({ error }: { error: Error & { status?: number } }) {
  return error.status === 401 ? <SignInAgain message={error.message} /> : error.message;
}
