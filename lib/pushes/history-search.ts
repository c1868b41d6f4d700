import type { PushRecord } from "@/lib/validations/push-record";

// /history's filters and page sizes, and when the list should look again: plain values, shared by
// the server page (lib/server/search-params.ts listInput reads the address) and the browser's filter bar.

export const HISTORY_SIZES = [10, 20, 50] as const;
export const HISTORY_DEFAULT_SIZE = 20;
export const HISTORY_FILTERS = ["q", "from", "to", "notify_way", "status", "sent_by"] as const;

/**
 * What on this page may change by itself: a push still going out (发送中), and the times of scheduled
 * pushes (when one comes due, the sweep sends it). The page renders again while either is live.
 */
export function historyWatch(records: ReadonlyArray<Pick<PushRecord, "status" | "scheduled_at">>): { going: boolean; due: string[] } {
  return {
    going: records.some((record) => record.status === "pending"),
    due: records.flatMap((record) => (record.status === "scheduled" && record.scheduled_at ? [record.scheduled_at] : [])),
  };
}
