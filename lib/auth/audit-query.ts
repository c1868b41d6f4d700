import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { AuditPage } from "@/lib/auth/audit-actions";

// 审计日志 (GET /api/audit): keys, query options and hook. Filters travel as URL search params.

export type AuditFilters = { action: string; actor: string; from: string; to: string };

export const auditSearch = (filters: AuditFilters, extra: Record<string, string> = {}) =>
  new URLSearchParams(Object.entries({ ...filters, ...extra }).filter(([, value]) => value !== "")).toString();

export const auditKeys = {
  all: ["audit"] as const,
  list: (filters: AuditFilters, current: number) => [...auditKeys.all, "list", filters, current] as const,
};

export const auditQueryOptions = (filters: AuditFilters, current: number) =>
  queryOptions({
    queryKey: auditKeys.list(filters, current),
    queryFn: ({ signal }) => fetchJson<AuditPage>(`/api/audit?${auditSearch(filters, { current: String(current) })}`, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

export const useAudit = (filters: AuditFilters, current: number) => useQuery(auditQueryOptions(filters, current));
