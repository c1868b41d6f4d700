import "server-only";
import * as z from "zod/mini";
import { holdsNul, NUL_MESSAGE } from "@/lib/server/body";
import { fieldErrors } from "@/lib/validations/field-errors";

// A URL's search parameters, parsed once with a route's query schema: by the route wrapper for
// GET /api/…, and by a server-rendered page for the same list, so both refuse the same values in
// the same words.

export type SearchInput = URLSearchParams | Record<string, string | string[] | undefined>;

export const QUERY_PROBLEM = "查询参数有误。";

export type ParsedSearch<S extends z.ZodMiniType> =
  { ok: true; query: z.output<S> } | { ok: false; message: string; fields: Record<string, string> };

/** Each name's last value, as URLSearchParams gives the route (a page's `searchParams` may repeat a name). */
function flatten(input: SearchInput): Record<string, string> {
  if (input instanceof URLSearchParams) return Object.fromEntries(input);
  return Object.fromEntries(
    Object.entries(input).flatMap(([name, value]) => {
      const last = [value].flat().at(-1);
      return last === undefined ? [] : [[name, last]];
    }),
  );
}

export function parseSearch<S extends z.ZodMiniType>(schema: S, input: SearchInput): ParsedSearch<S> {
  const params = flatten(input);
  if (holdsNul(params)) return { ok: false, message: NUL_MESSAGE, fields: {} };
  const parsed = z.safeParse(schema, params);
  if (!parsed.success) return { ok: false, message: QUERY_PROBLEM, fields: fieldErrors(parsed.error) };
  return { ok: true, query: parsed.data };
}

/** A list's page size: always the same, or the address's `size` when it is one offered, else `fallback`. */
export type ListSize = number | { offered: readonly number[]; fallback: number };

/**
 * What a server-rendered list's address asks for, as its route's query: the filters among `keys`
 * (blank ones left out), the page from `page` (a positive whole number, else the first, as
 * useUrlParams reads it) as `current`, and the size. Other names are not the page's.
 */
export function listInput(input: SearchInput, keys: readonly string[], size: ListSize): Record<string, string> {
  const params = flatten(input);
  const page = Number(params.page);
  const wanted = Number(params.size);
  const chosen = typeof size === "number" ? size : size.offered.includes(wanted) ? wanted : size.fallback;
  const filters = keys.flatMap((key) => (params[key] ? [[key, params[key]]] : []));
  return { ...Object.fromEntries(filters), current: String(Number.isInteger(page) && page >= 1 ? page : 1), size: String(chosen) };
}

/** A refused address in the route's words: the message, then each field's. */
export const searchProblem = (refused: { message: string; fields: Record<string, string> }) =>
  [refused.message, ...Object.values(refused.fields)].join(" ");

/** The page's own address again (for 重试), its parameters as they came. */
export function hrefOf(path: string, input: SearchInput): string {
  const search = new URLSearchParams(flatten(input)).toString();
  return search ? `${path}?${search}` : path;
}
