import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { TagIndex } from "@/lib/groups/tag-index";

// The tag index resource (GET /api/tags): every tag in use, its values, and the departments.

export function fetchTagIndex(signal?: AbortSignal, refresh = false): Promise<TagIndex> {
  return fetchJson<TagIndex>(refresh ? "/api/tags?refresh=1" : "/api/tags", { signal });
}

export const TAGS_KEY = "tag-index";

export function tagIndexQueryOptions() {
  return queryOptions({
    queryKey: [TAGS_KEY],
    queryFn: ({ signal }) => fetchTagIndex(signal),
    retry: false,
  });
}

export function useTagIndex(options: { enabled?: boolean } = {}) {
  return useQuery({ ...tagIndexQueryOptions(), enabled: options.enabled ?? true });
}
