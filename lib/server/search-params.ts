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
