"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { ApiError } from "@/lib/api/fetch-json";
import { refreshNotifications } from "@/lib/pushes/notifications-poll";

// How a server-rendered page (no react-query) changes things: it calls the console's API, and on
// success the router renders the page again from the server, so what it shows is the server's word.
// The one way such pages write; pages that cache on the client keep useMutation (lib/*/*-query.ts).

export type Change<A extends unknown[], T> = {
  /** Runs the call; resolves to its answer, or undefined when it failed (the failure is in `error`). */
  mutate: (...args: A) => Promise<T | undefined>;
  /**
   * From the call's start until the page has rendered again; after a failure, only until the failure
   * is known (the page may still be rendering again behind it): a dialog that said why is not locked.
   */
  isPending: boolean;
  error: Error | null;
  reset: () => void;
};

export function useChange<A extends unknown[], T>(run: (...args: A) => Promise<T>): Change<A, T> {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<Error | null>(null);
  const mutate = useCallback(
    (...args: A) =>
      new Promise<T | undefined>((resolve) => {
        // Now, not with the transition: until it is cleared, the last failure would say "not pending".
        setError(null);
        startTransition(async () => {
          let answer: T;
          try {
            answer = await run(...args);
          } catch (failure) {
            setError(failure as Error);
            // Refused because the thing changed or went meanwhile (decided by someone else, sent, cancelled):
            // show the server's word now. Not after other failures: the page would fail the same way.
            if (failure instanceof ApiError && (failure.status === 404 || failure.status === 409)) {
              startTransition(() => router.refresh());
            }
            resolve(undefined);
            return;
          }
          // Another transition: the page stays pending until the new render has arrived. The header's
          // 通知 and 待审批 count may have changed too (approved, withdrawn, cancelled): ask now, not in 30 s.
          startTransition(() => router.refresh());
          void refreshNotifications();
          resolve(answer);
        });
      }),
    [router, run],
  );
  const reset = useCallback(() => setError(null), []);
  // The same object until something in it changes: pages put it in a context their rows read.
  // The failure is set outside the transition (after its await), so it shows while the page renders again.
  return useMemo(() => ({ mutate, isPending: isPending && !error, error, reset }), [mutate, isPending, error, reset]);
}

/**
 * Renders the page again from the server every `ms` while `active` and the tab is in sight (a push
 * still going out, a time coming due), and once more when the tab comes back into sight. Not while
 * the browser is offline (a failed render would reload the whole page, losing what was typed), and
 * not while the previous render is still on its way.
 */
export function useRefreshEvery(ms: number, active: boolean) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const pending = useRef(false);
  pending.current = isPending;
  useEffect(() => {
    if (!active) return;
    const tick = () => {
      if (document.visibilityState !== "visible" || !navigator.onLine || pending.current) return;
      startTransition(() => router.refresh());
    };
    const timer = window.setInterval(tick, ms);
    document.addEventListener("visibilitychange", tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", tick);
    };
  }, [router, ms, active]);
}
