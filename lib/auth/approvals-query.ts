import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { PushList } from "@/lib/validations/push-record";

// 待审批 (GET /api/approvals): fetcher, query options and hook.

export const approvalsKey = (current: number) => ["approvals", current] as const;

export const approvalsQuery = (current: number) =>
  queryOptions({
    queryKey: approvalsKey(current),
    queryFn: ({ signal }) => fetchJson<PushList>(`/api/approvals?current=${current}&size=20`, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

export const useApprovals = (current: number) => useQuery(approvalsQuery(current));
