"use client";

import { onDemand } from "@/components/ui/on-demand";
import type { ReactNode } from "react";

const SignInAgain = onDemand(async () => (await import("@/components/ui/sign-in-again-link")).SignInAgain);

/**
 * A failed call's message, as the server wrote it (or `children`, a fuller account of it); after a
 * 401 (whose message says the session ended), with a link that signs in again in a new tab, keeping
 * this page and what was typed in it, so that 重试 then works.
 */
export function ErrorText({ error, children }: { error: Error & { status?: number }; children?: ReactNode }) {
  return error.status === 401 ? <SignInAgain message={error.message} /> : (children ?? error.message);
}
