import { queryOptions, useQuery } from "@tanstack/react-query";
import { ApiError, fetchJson } from "@/lib/api/fetch-json";
import type { PushRecord } from "@/lib/validations/push-record";

// GET /api/pushes/:id: one record, exactly as it was sent.

export function fetchPush(id: string, signal?: AbortSignal): Promise<PushRecord> {
  return fetchJson<PushRecord>(`/api/pushes/${encodeURIComponent(id)}`, { signal });
}

export function pushQueryOptions(id: string) {
  return queryOptions({
    queryKey: ["pushes", "detail", id],
    queryFn: ({ signal }) => fetchPush(id, signal),
    // A record that is not there will not appear by asking again.
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });
}

export const usePush = (id: string | null) => useQuery({ ...pushQueryOptions(id ?? ""), enabled: id !== null });
