import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { TagIndex } from "@/lib/groups/tag-index";

// The tag index resource (GET /api/tags): every tag in use, its values, and the departments.

export function fetchTagIndex(signal?: AbortSignal, refresh = false): Promise<TagIndex> {
  return fetchJson<TagIndex>(refresh ? "/api/tags?refresh=1" : "/api/tags", { signal });
}

export const tagKeys = {
  all: ["tags"] as const,
  index: () => [...tagKeys.all, "index"] as const,
};

export function tagIndexQueryOptions() {
  return queryOptions({
    queryKey: tagKeys.index(),
    queryFn: ({ signal }) => fetchTagIndex(signal),
    retry: false,
  });
}

export function useTagIndex(options: { enabled?: boolean } = {}) {
  return useQuery({ ...tagIndexQueryOptions(), enabled: options.enabled ?? true });
}

/** 刷新: the server fetches every group anew and answers the index from them. */
export function useRefreshTagIndex() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => fetchTagIndex(undefined, true),
    onSuccess: (index) => queryClient.setQueryData(tagKeys.index(), index),
  });
}
