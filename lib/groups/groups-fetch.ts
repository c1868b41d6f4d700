import { fetchJson } from "@/lib/api/fetch-json";
import { appendFilters } from "@/lib/groups/filter-params";
import type { GroupsParams, GroupsResult } from "@/lib/groups/groups-params";

// The groups fetcher without react-query, for the composer's picker (a page that does not cache on
// the client); groups-query.ts wraps it for the pages that do.

export function groupsSearch(params: GroupsParams, extra?: Record<string, string>): URLSearchParams {
  const search = new URLSearchParams({ current: String(params.current), size: String(params.size), ...extra });
  return appendFilters(search, params);
}

export function fetchGroups(params: GroupsParams, signal?: AbortSignal): Promise<GroupsResult> {
  return fetchJson<GroupsResult>(`/api/groups?${groupsSearch(params)}`, { signal });
}
