import { appendFilters } from "@/lib/groups/filter-params";
import type { GroupsParams, TagFilter } from "@/lib/groups/groups-params";

// The group list's state lives in the address (?page=&size=&q=&type=&department=&tag_code=…),
// read the same way by the server page (to prefetch) and the browser (to query): both must arrive
// at the same params, or the prefetched data would sit under another key.

export const PAGE_SIZES = [10, 20, 50] as const;
export const DEFAULT_PAGE_SIZE = 10;

type Readable = { get(name: string): string | null };

const text = (search: Readable, name: string) => search.get(name)?.trim() || undefined;

export function readGroupsParams(search: Readable): GroupsParams {
  const page = Number(search.get("page"));
  const size = Number(search.get("size"));
  const type = search.get("type");
  const tag_code = text(search, "tag_code");
  const params: GroupsParams = {
    current: Number.isInteger(page) && page >= 1 ? page : 1,
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
  const q = text(search, "q");
  const department = text(search, "department");
  if (q) params.q = q;
  if (type === "1" || type === "2") params.type = Number(type) as 1 | 2;
  if (department) params.department = department;
  if (tag_code) {
    const tag: TagFilter = { tag_code };
    for (const name of ["relational_symbols", "value1", "value2"] as const) {
      const value = search.get(name);
      if (value !== null) tag[name] = value;
    }
    params.tag = tag;
  }
  return params;
}

/** A server component's searchParams, readable like URLSearchParams (first value of a repeated name). */
export function fromRecord(record: Record<string, string | string[] | undefined>): Readable {
  return { get: (name) => [record[name]].flat()[0] ?? null };
}

export function groupsHref(params: GroupsParams): string {
  const search = new URLSearchParams({ page: String(params.current), size: String(params.size) });
  return `/groups?${appendFilters(search, params)}`;
}
