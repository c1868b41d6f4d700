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

// Without react-query, for the composer's on-demand parts; kept here for the pages that import it from here.
export { nameOf } from "@/lib/compose/names";
