import { fetchJson } from "@/lib/api/fetch-json";
import { appendFilters } from "@/lib/groups/filter-params";
import type { GroupIndexStatus, GroupsParams, GroupsResult } from "@/lib/groups/groups-params";
import type { TagIndex } from "@/lib/groups/tag-index";

// The group list's and the tag index's calls from the browser: /groups renders on the server and
// only its 刷新, the fetch's progress and the filter's tag list ask from here; the composer's picker searches with fetchGroups.

function groupsSearch(params: GroupsParams, extra?: Record<string, string>): URLSearchParams {
  const search = new URLSearchParams({ current: String(params.current), size: String(params.size), ...extra });
  return appendFilters(search, params);
}

export function fetchGroups(params: GroupsParams, signal?: AbortSignal): Promise<GroupsResult> {
  return fetchJson<GroupsResult>(`/api/groups?${groupsSearch(params)}`, { signal });
}

/** Asks the server to fetch the whole list again, then answers this page from it. */
export function refreshGroups(params: GroupsParams, signal?: AbortSignal): Promise<GroupsResult> {
  return fetchJson<GroupsResult>(`/api/groups?${groupsSearch(params, { refresh: "1" })}`, { signal });
}

/** GET /api/groups/index-status: how far the fetch of every group has come (asks nothing of the vendor). */
export function fetchIndexStatus(signal?: AbortSignal): Promise<GroupIndexStatus> {
  return fetchJson<GroupIndexStatus>("/api/groups/index-status", { signal });
}

/** GET /api/tags: every tag in use, its values, and the departments. */
export function fetchTagIndex(signal?: AbortSignal): Promise<TagIndex> {
  return fetchJson<TagIndex>("/api/tags", { signal });
}
