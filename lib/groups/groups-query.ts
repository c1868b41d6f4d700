import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, fetchJson } from "@/lib/api/fetch-json";
import { fetchGroups, groupsSearch } from "@/lib/groups/groups-fetch";
import { tagKeys } from "@/lib/groups/tags-query";
import type { GroupIndexStatus, GroupsParams, GroupsResult } from "@/lib/groups/groups-params";

// The groups resource for the browser: fetcher, query options and hook. Type-only imports from the
// zod module keep the schemas (and zod) out of the client bundle: the route has already parsed.

export { fetchGroups };

/** Asks the server to fetch the whole list again, then answers this page from it. */
export function refreshGroups(params: GroupsParams): Promise<GroupsResult> {
  return fetchJson<GroupsResult>(`/api/groups?${groupsSearch(params, { refresh: "1" })}`);
}

export const groupKeys = {
  all: ["groups"] as const,
  list: (params: GroupsParams) => [...groupKeys.all, "list", params] as const,
  indexStatus: () => [...groupKeys.all, "index-status"] as const,
};

// The server already retries the upstream; here only a lost connection is worth one more try.
const retryOffline = (count: number, error: Error) => error instanceof ApiError && error.status === 0 && count < 1;

export function groupsQueryOptions(params: GroupsParams) {
  return queryOptions({
    queryKey: groupKeys.list(params),
    queryFn: ({ signal }) => fetchGroups(params, signal),
    placeholderData: keepPreviousData,
    retry: retryOffline,
  });
}

export function useGroups(params: GroupsParams) {
  return useQuery(groupsQueryOptions(params));
}

/**
 * How far the server's fetch of every group has come, polled while `waiting` (a search or 刷新
 * waits on that fetch): shown instead of a spinner, since the first one can take seconds.
 */
export function useGroupIndexStatus(waiting: boolean) {
  return useQuery({
    queryKey: groupKeys.indexStatus(),
    queryFn: ({ signal }) => fetchJson<GroupIndexStatus>("/api/groups/index-status", { signal }),
    enabled: waiting,
    refetchInterval: waiting ? 500 : false,
    // Progress is worth nothing a moment later: never served from the cache.
    gcTime: 0,
    staleTime: 0,
    retry: false,
  });
}

/** 刷新: the server fetches the whole list anew; this page shows it, every other page and the tag index follow. */
export function useRefreshGroups(params: GroupsParams) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => refreshGroups(params),
    onSuccess: async (page) => {
      queryClient.setQueryData(groupKeys.list(params), page);
      await queryClient.invalidateQueries({ queryKey: groupKeys.all, refetchType: "none" });
      await queryClient.invalidateQueries({ queryKey: tagKeys.all });
    },
  });
}
