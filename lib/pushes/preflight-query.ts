import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { fetchJson } from "@/lib/api/fetch-json";
import type { PreflightState } from "@/lib/compose/preflight";
import type { Preflight } from "@/lib/validations/push-record";

// POST /api/pushes/preflight: what the server would do with the draft now (send, hold, refuse) and
// why, asked as soon as the groups, channel and time are chosen, so the composer never guesses.

/** The draft as the policy reads it: channel, groups, 消息类型, and the send time. */
export type PreflightDraft = {
  notify_way: number;
  chuanbo_group: number[];
  chuanbo_type_id?: number;
  scheduled_at?: string;
  quiet_hours_reason?: string;
  /** The scheduled push this draft changes (the composer's edit mode). */
  rescheduling?: string;
};

export const preflightKeys = {
  all: ["preflight"] as const,
  draft: (draft: PreflightDraft) => [...preflightKeys.all, draft] as const,
};

export function fetchPreflight(draft: PreflightDraft, signal?: AbortSignal): Promise<Preflight> {
  return fetchJson<Preflight>("/api/pushes/preflight", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(draft),
    signal,
  });
}

export function preflightQueryOptions(draft: PreflightDraft) {
  return queryOptions({
    queryKey: preflightKeys.draft(draft),
    queryFn: ({ signal }) => fetchPreflight(draft, signal),
    // The sender's counts move with every push: asked afresh each time the draft comes back to it.
    staleTime: 0,
    retry: 1,
  });
}

/** The draft once it has stopped changing for a moment; null until the groups are chosen. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(JSON.parse(key) as T), ms);
    return () => clearTimeout(timer);
  }, [key, ms]);
  return settled;
}

/**
 * The preflight of a draft (null: no groups yet), asked once the draft settles for 300 ms; the last
 * answer stays while the next is out, so the notice does not flicker as the editor types.
 */
export function usePreflight(draft: PreflightDraft | null): PreflightState & { retry: () => void } {
  const settled = useSettled(draft, 300);
  const query = useQuery({
    ...preflightQueryOptions(settled ?? { notify_way: 0, chuanbo_group: [] }),
    enabled: settled !== null,
    placeholderData: keepPreviousData,
  });
  return {
    asked: draft !== null,
    stale: JSON.stringify(settled) !== JSON.stringify(draft) || query.isPlaceholderData,
    pending: query.isPending || (query.isFetching && !query.data),
    data: query.data,
    error: query.error,
    retry: () => void query.refetch(),
  };
}
