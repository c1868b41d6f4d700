import type { GroupsParams } from "@/lib/groups/groups-params";

// Shared by the page's address (groups-url.ts) and the API calls (groups-fetch.ts), in its own
// module so the composer's calls load none of the address code.

/** The search and filters, by the names the API and the page's address both use. */
export function appendFilters(search: URLSearchParams, params: GroupsParams): URLSearchParams {
  const { q, type, department, tag } = params;
  if (q) search.set("q", q);
  if (type) search.set("type", String(type));
  if (department) search.set("department", department);
  if (tag) for (const [name, value] of Object.entries(tag)) if (value !== undefined) search.set(name, value);
  return search;
}
