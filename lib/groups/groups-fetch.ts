import { fetchJson } from "@/lib/api/fetch-json";
import { appendFilters } from "@/lib/groups/filter-params";
import type { GroupsParams, GroupsResult } from "@/lib/groups/groups-params";

// The groups resource's calls, apart from the query options (groups-query.ts re-exports them), so
// the server-rendered list's 刷新 loads no react-query.

function groupsSearch(params: GroupsParams, extra?: Record<string, string>): URLSearchParams {
  const search = new URLSearchParams({ current: String(params.current), size: String(params.size), ...extra });
  return appendFilters(search, params);
}

export function fetchGroups(params: GroupsParams, signal?: AbortSignal): Promise<GroupsResult> {
  return fetchJson<GroupsResult>(`/api/groups?${groupsSearch(params)}`, { signal });
}

/** Asks the server to fetch the whole list again, then answers this page from it. */
export function refreshGroups(params: GroupsParams): Promise<GroupsResult> {
  return fetchJson<GroupsResult>(`/api/groups?${groupsSearch(params, { refresh: "1" })}`);
}
