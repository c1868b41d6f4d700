import * as z from "zod/mini";
import { groupsQuerySchema } from "@/lib/validations/group";
import type { GroupsParams } from "@/lib/groups/groups-params";

// GET /api/groups's query: the contract's current/size/q/type/department, plus a tag filter
// (tag_code with optional relational_symbols/value1/value2, the upstream's names) and refresh=1.

const optionalText = z.optional(
  z.pipe(
    z.string(),
    z.transform((v) => v.trim() || undefined),
  ),
);
// Values are matched exactly, spaces included: a tag value is whatever the CMS stored.
const exactText = z.optional(z.string());

export const groupsApiQuerySchema = z.extend(groupsQuerySchema, {
  tag_code: optionalText,
  relational_symbols: exactText,
  value1: exactText,
  value2: exactText,
  refresh: z.optional(z.enum(["0", "1"], { error: "refresh 只能是 1 或 0" })),
});

export function toGroupsParams(query: z.output<typeof groupsApiQuerySchema>): { params: GroupsParams; refresh: boolean } {
  const { current, size, q, type, department, tag_code, relational_symbols, value1, value2, refresh } = query;
  const params: GroupsParams = { current, size };
  if (q) params.q = q;
  if (type === 1 || type === 2) params.type = type;
  if (department) params.department = department;
  if (tag_code) {
    params.tag = { tag_code };
    if (relational_symbols !== undefined) params.tag.relational_symbols = relational_symbols;
    if (value1 !== undefined) params.tag.value1 = value1;
    if (value2 !== undefined) params.tag.value2 = value2;
  }
  return { params, refresh: refresh === "1" };
}
