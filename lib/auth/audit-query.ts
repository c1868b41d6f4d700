import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import { listSearch, type ListParams } from "@/lib/api/list-params";
import type { AuditPage } from "@/lib/auth/audit-actions";

// 审计日志 (GET /api/audit): keys, query options and hook. Filters (action, actor, from, to) travel as URL search params.

export const AUDIT_FILTERS = ["action", "actor", "from", "to"] as const;

/** The CSV export of every entry matching the filters. */
export const auditCsvHref = (filters: Record<string, string>) =>
  `/api/audit?${new URLSearchParams({ ...filters, format: "csv" }).toString()}`;

export const auditKeys = {
  all: ["audit"] as const,
  list: (query: ListParams) => [...auditKeys.all, "list", query] as const,
};

export const auditQueryOptions = (query: ListParams) =>
  queryOptions({
    queryKey: auditKeys.list(query),
    queryFn: ({ signal }) => fetchJson<AuditPage>(`/api/audit?${listSearch(query)}`, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

export const useAudit = (query: ListParams) => useQuery(auditQueryOptions(query));
