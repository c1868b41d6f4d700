import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import { listSearch, retryUnlessRefused, type ListParams } from "@/lib/api/list-params";
import { decideApproval } from "@/lib/auth/approvals-api";
import { pushKeys } from "@/lib/pushes/pushes-query";
import type { Page } from "@/lib/api/page";
import type { PushRecord } from "@/lib/validations/push-record";

// 待审批 (GET /api/approvals, POST /api/approvals/:id/approve|reject): keys, query options, hooks.

export const approvalKeys = {
  all: ["approvals"] as const,
  list: (query: ListParams) => [...approvalKeys.all, "list", query] as const,
};

/** GET /api/approvals: filters notify_way, sent_by, from, to. */
export const approvalsQueryOptions = (query: ListParams) =>
  queryOptions({
    queryKey: approvalKeys.list(query),
    queryFn: ({ signal }) => fetchJson<Page<PushRecord>>(`/api/approvals?${listSearch(query)}`, { signal }),
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
    staleTime: 0,
  });

export const useApprovals = (query: ListParams) => useQuery(approvalsQueryOptions(query));

export { decideApproval, type ApprovalDecision } from "@/lib/auth/approvals-api";

/** Approve or reject; either way the list refetches (someone else may have decided first) and so does history. */
export function useDecideApproval() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideApproval,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: approvalKeys.all });
      await queryClient.invalidateQueries({ queryKey: pushKeys.all });
    },
  });
}
