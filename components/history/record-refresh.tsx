"use client";

import { useRefreshEvery } from "@/lib/api/use-refresh-every";
import { waitsForTime } from "@/lib/pushes/actions";
import { useComesDue } from "@/lib/pushes/use-comes-due";
import type { PushRecord } from "@/lib/validations/push-record";

// The record keeps itself current while something is about to change it without anyone here:
// a push still going out (发送中), or a waiting push whose time has come (the scheduler sends it).

const EVERY_MS = 3000;

export function RecordRefresh({ record }: { record: Pick<PushRecord, "status" | "scheduled_at"> }) {
  const waiting = waitsForTime(record);
  const due = useComesDue(waiting && record.scheduled_at ? [record.scheduled_at] : []);
  useRefreshEvery(EVERY_MS, record.status === "pending" || (waiting && due));
  return null;
}
