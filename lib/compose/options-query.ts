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

/** A configured name for an id, or the id itself when the configuration no longer has it. */
export function nameOf(list: ReadonlyArray<{ id: number; name: string }> | undefined, id: number | undefined): string {
  if (id === undefined) return "—";
  return list?.find((item) => item.id === id)?.name ?? `#${id}`;
}
