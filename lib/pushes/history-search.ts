import type { PushRecord } from "@/lib/validations/push-record";

// /history's address as the list's query, and when the list should look again: plain values, so the
// server page, the browser's filter bar and the unit tests share them.

export const HISTORY_SIZES = [10, 20, 50] as const;
export const HISTORY_DEFAULT_SIZE = 20;
export const HISTORY_FILTERS = ["q", "from", "to", "notify_way", "status", "sent_by"] as const;

type Search = Record<string, string | string[] | undefined>;

/** A name's last value, as URLSearchParams gives GET /api/pushes. */
const last = (value: string | string[] | undefined) => [value ?? ""].flat().at(-1) ?? "";

/**
 * What the page asks GET /api/pushes' query schema: the address's non-blank filters as written (the
 * schema judges them), `page` as `current` (a whole number from 1, else 1) and `size` (one offered, else 20).
 */
export function historyQueryInput(search: Search): { input: Record<string, string>; filtered: boolean } {
  const filters = Object.fromEntries(
    HISTORY_FILTERS.flatMap((name) => {
      const value = last(search[name]);
      return value ? [[name, value]] : [];
    }),
  );
  const page = Number(last(search.page));
  const size = Number(last(search.size));
  return {
    input: {
      ...filters,
      current: String(Number.isInteger(page) && page >= 1 ? page : 1),
      size: String((HISTORY_SIZES as readonly number[]).includes(size) ? size : HISTORY_DEFAULT_SIZE),
    },
    filtered: Object.keys(filters).length > 0,
  };
}

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
