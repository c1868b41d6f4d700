import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import { createTemplate } from "@/lib/templates/templates-api";
import type { TemplatePage } from "@/lib/templates/template";
import type { NotifyWay } from "@/lib/validations/push-labels";

// 常用模板 as the composer's 选择模板 and the 存为模板 dialog cache them (GET/POST /api/templates): keys,
// query options, hooks. /templates renders on the server and changes through templates-api.ts.

export type TemplateFilter = { q: string; notify_way?: NotifyWay; current: number; size: number };

export const templateKeys = {
  all: ["templates"] as const,
  list: (filter: TemplateFilter) => [...templateKeys.all, "list", filter] as const,
};

export function fetchTemplates(filter: TemplateFilter, signal?: AbortSignal): Promise<TemplatePage> {
  const search = new URLSearchParams({ current: String(filter.current), size: String(filter.size) });
  if (filter.q.trim()) search.set("q", filter.q.trim());
  if (filter.notify_way) search.set("notify_way", String(filter.notify_way));
  return fetchJson<TemplatePage>(`/api/templates?${search}`, { signal });
}

export const templatesQueryOptions = (filter: TemplateFilter) =>
  queryOptions({
    queryKey: templateKeys.list(filter),
    queryFn: ({ signal }) => fetchTemplates(filter, signal),
    placeholderData: keepPreviousData,
    // Shared by the team: someone else's change should show the next time the list opens.
    staleTime: 0,
  });

export const useTemplates = (filter: TemplateFilter) => useQuery(templatesQueryOptions(filter));

export function useCreateTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTemplate,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templateKeys.all }),
  });
}
