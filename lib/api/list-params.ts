import { ApiError } from "@/lib/api/fetch-json";

// A list's query as the page holds it: the URL's values, passed on as written. The route parses
// them once (zod), and a 400 names each bad one.

export type ListParams = { current: number; size: number; filters: Record<string, string> };

/** The URL's filters among `keys`, blank ones left out. */
export function pickFilters(params: URLSearchParams, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.flatMap((key) => (params.get(key) ? [[key, params.get(key)!]] : [])));
}

export const listSearch = ({ current, size, filters }: ListParams, extra: Record<string, string> = {}) =>
  new URLSearchParams({ ...filters, current: String(current), size: String(size), ...extra }).toString();

/** What went wrong, with the server's word on each bad filter (结束日期不能早于开始日期). */
export function listProblem(error: Error): string {
  const fields = error instanceof ApiError ? Object.values(error.fields) : [];
  return [error.message, ...fields].join(" ");
}
