"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";

// Its own module, not beside useChange: a list that only watches (/history) then carries neither
// useChange nor the API's error class.

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
