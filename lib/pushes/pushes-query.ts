import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, fetchJson } from "@/lib/api/fetch-json";
import { listSearch, retryUnlessRefused, type ListParams } from "@/lib/api/list-params";
import { cancelPush, moveScheduledTime, settlePush, withdrawPush, fetchPush, savePushEdit } from "@/lib/pushes/push-fetch";
import type { Page } from "@/lib/api/page";
import type { PushRecord } from "@/lib/validations/push-record";

// The console's own record of what it sent (GET /api/pushes, GET /api/pushes/:id), newest first.

export const pushKeys = {
  all: ["pushes"] as const,
  list: (query: ListParams) => [...pushKeys.all, "list", query] as const,
  detail: (id: string) => [...pushKeys.all, "detail", id] as const,
};

/** GET /api/pushes: filters q, from, to, notify_way, status, sent_by (docs/console-api.md). */
export function fetchPushes(query: ListParams, signal?: AbortSignal): Promise<Page<PushRecord>> {
  return fetchJson<Page<PushRecord>>(`/api/pushes?${listSearch(query)}`, { signal });
}

export function pushesQueryOptions(query: ListParams) {
  return queryOptions({
    queryKey: pushKeys.list(query),
    queryFn: ({ signal }) => fetchPushes(query, signal),
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
    // A push sent a moment ago must show up: history is never served stale.
    staleTime: 0,
  });
}

export const usePushes = (query: ListParams) => useQuery(pushesQueryOptions(query));

export { fetchPush };

export function pushQueryOptions(id: string) {
  return queryOptions({
    queryKey: pushKeys.detail(id),
    queryFn: ({ signal }) => fetchPush(id, signal),
    // A record that is not there will not appear by asking again.
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });
}

export const usePush = (id: string) => useQuery(pushQueryOptions(id));

/** 取消定时推送 (its author or a supervisor). */
export function useCancelPush() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelPush,
    onSettled: () => queryClient.invalidateQueries({ queryKey: pushKeys.all }),
  });
}

/** 修改定时推送: the same record, new content and time (its author, from the composer). */
export function useReschedulePush() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: savePushEdit,
    onSettled: () => queryClient.invalidateQueries({ queryKey: pushKeys.all }),
  });
}

/** 修改时间: the same record, only its time (its author or a supervisor). */
export function useMoveScheduledTime() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: moveScheduledTime,
    onSettled: () => queryClient.invalidateQueries({ queryKey: pushKeys.all }),
  });
}

/** 撤回 (its author, while it waits for approval). */
export function useWithdrawPush() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawPush,
    onSettled: () => queryClient.invalidateQueries({ queryKey: pushKeys.all }),
  });
}

/** 核实结果不明: what the vendor confirmed, with a note. */
export function useSettlePush() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: settlePush,
    onSettled: () => queryClient.invalidateQueries({ queryKey: pushKeys.all }),
  });
}
