"use client";

import { useEffect, useState } from "react";

/** A value once it has stopped changing for `ms` (asked of the server after a pause in typing, not per keystroke). */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    // The same value again (as on mount) keeps the one settled: no render for nothing.
    const timer = setTimeout(() => setSettled((current) => (JSON.stringify(current) === key ? current : (JSON.parse(key) as T))), ms);
    return () => clearTimeout(timer);
  }, [key, ms]);
  return settled;
}
