import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { GroupPage } from "@/lib/validations/group";

// Stand-in for the group browser's module (replaced at merge): same exports, same request.

export type GroupsParams = { current: number; size: number; q?: string; type?: 1 | 2; department?: string };
export type GroupsResult = GroupPage & { fetchedAt?: string };

export function fetchGroups(params: GroupsParams, signal?: AbortSignal): Promise<GroupsResult> {
  const search = new URLSearchParams({ current: String(params.current), size: String(params.size) });
  if (params.q) search.set("q", params.q);
  if (params.type) search.set("type", String(params.type));
  if (params.department) search.set("department", params.department);
  return fetchJson<GroupsResult>(`/api/groups?${search}`, { signal });
}

export function groupsQueryOptions(params: GroupsParams) {
  return queryOptions({
    queryKey: ["groups", params],
    queryFn: ({ signal }) => fetchGroups(params, signal),
    placeholderData: keepPreviousData,
  });
}
