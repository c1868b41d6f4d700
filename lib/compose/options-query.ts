import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { PublicOptions } from "@/lib/validations/options";

// GET /api/options: the ids handed over offline, with their names. Server configuration: fetch once.

export const optionKeys = { all: ["options"] as const };

export const optionsQueryOptions = () =>
  queryOptions({
    queryKey: optionKeys.all,
    queryFn: ({ signal }) => fetchJson<PublicOptions>("/api/options", { signal }),
    staleTime: Infinity,
  });

export const useOptions = () => useQuery(optionsQueryOptions());

export { nameOf } from "@/lib/compose/option-names";
