"use client";

import { useRouter } from "next/navigation";
import { useCallback, useMemo, useState, useTransition } from "react";
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
  // Whether the last call failed: only the next call clears it (reset() clears the message, not this),
  // so the render after a refusal never counts as the call's.
  const [failed, setFailed] = useState(false);
  const mutate = useCallback(
    (...args: A) =>
      new Promise<T | undefined>((resolve) => {
        // Now, not with the transition: until they are cleared, the last failure would say "not pending".
        setError(null);
        setFailed(false);
        startTransition(async () => {
          let answer: T;
          try {
            answer = await run(...args);
          } catch (failure) {
            setError(failure as Error);
            setFailed(true);
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
  const busy = isPending && !failed;
  return useMemo(() => ({ mutate, isPending: busy, error, reset }), [mutate, busy, error, reset]);
}
