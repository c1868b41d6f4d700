import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { TagIndex } from "@/lib/groups/tag-index";

// The tag index resource (GET /api/tags) for the browser: every tag in use, its values, and the
// departments. /groups' filters cache it here; /tags renders it on the server (no react-query).

export function fetchTagIndex(signal?: AbortSignal): Promise<TagIndex> {
  return fetchJson<TagIndex>("/api/tags", { signal });
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
