"use client";

import { useEffect, useState } from "react";

// setTimeout holds at most 2^31-1 ms (about 24 days); a later time is checked again then.
const LONGEST_WAIT_MS = 2 ** 31 - 1;

/** Whether one of these times (ISO) has come; checked again as the next one arrives. */
export function useComesDue(times: readonly string[]): boolean {
  const [now, setNow] = useState(() => Date.now());
  const at = times.map((time) => Date.parse(time));
  const next = Math.min(...at.filter((time) => time > now));
  useEffect(() => {
    if (!Number.isFinite(next)) return;
    const timer = window.setTimeout(() => setNow(Date.now()), Math.min(next - Date.now(), LONGEST_WAIT_MS));
    return () => window.clearTimeout(timer);
  }, [next]);
  return at.some((time) => time <= now);
}
