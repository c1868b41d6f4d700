import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { PushListQuery, PushRecord } from "@/lib/validations/push-record";

// GET /api/pushes: the console's own record of what it sent, newest first.

export type PushPage = { records: PushRecord[]; total: number; size: number; current: number; pages: number };

export function fetchPushes(query: PushListQuery, signal?: AbortSignal): Promise<PushPage> {
  const search = new URLSearchParams({ current: String(query.current), size: String(query.size) });
  if (query.notify_way) search.set("notify_way", String(query.notify_way));
  if (query.status) search.set("status", query.status);
  return fetchJson<PushPage>(`/api/pushes?${search}`, { signal });
}

export function pushesQueryOptions(query: PushListQuery) {
  return queryOptions({
    queryKey: ["pushes", "list", query],
    queryFn: ({ signal }) => fetchPushes(query, signal),
    placeholderData: keepPreviousData,
    // A push sent a moment ago must show up: history is never served stale.
    staleTime: 0,
  });
}

export const usePushes = (query: PushListQuery) => useQuery(pushesQueryOptions(query));
