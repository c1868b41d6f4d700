"use client";

import { useEffect, useState } from "react";
import { useRefreshEvery } from "@/lib/api/use-change";
import { waitsForTime } from "@/lib/pushes/actions";
import type { PushRecord } from "@/lib/validations/push-record";

// The record keeps itself current while something is about to change it without anyone here:
// a push still going out (发送中), or a waiting push whose time has come (the scheduler sends it).

const EVERY_MS = 3000;
// setTimeout's longest wait; a time further off is weeks away and the page will be loaded again by then.
const LONGEST_WAIT_MS = 2 ** 31 - 1;

export function RecordRefresh({ record }: { record: Pick<PushRecord, "status" | "scheduled_at"> }) {
  const waiting = waitsForTime(record);
  const at = waiting ? record.scheduled_at : null;
  const [due, setDue] = useState<string | null>(null);
  useEffect(() => {
    if (!at) return;
    const wait = Date.parse(at) - Date.now();
    if (wait > LONGEST_WAIT_MS) return;
    const timer = window.setTimeout(() => setDue(at), Math.max(0, wait));
    return () => window.clearTimeout(timer);
  }, [at]);
  useRefreshEvery(EVERY_MS, record.status === "pending" || (waiting && due === at));
  return null;
}
