import * as z from "zod/mini";

// group_list as the vendor sends it, parsed once where it enters the console. Its output is the
// Group every page and route speaks: the vendor's field names, numbers as numbers.
// The vendor's example sends ints as strings ("type": "2"), so numeric fields accept both.

const int = z
  .pipe(
    z.union([z.number(), z.string().check(z.regex(/^\s*-?\d+\s*$/))]),
    z.transform((v) => Number(v)),
  )
  .check(z.int());

const optionalInt = z.pipe(
  z.optional(z.nullable(z.union([int, z.literal("")]))),
  z.transform((v) => (v === undefined || v === null || v === "" ? null : v)),
);

const optionalString = z.pipe(
  z.optional(z.nullable(z.union([z.string(), z.number()]))),
  z.transform((v) => (v === undefined || v === null ? null : String(v))),
);

export const tagRuleSchema = z.object({
  group_id: optionalInt,
  tag_code: z.string(),
  tag_name: optionalString,
  relational_symbols: optionalString,
  value1: optionalString,
  // Not on the vendor's page, but a range rule would need it: keep it when it comes.
  value2: optionalString,
  tenant_id: optionalInt,
  created_at: optionalInt,
  created_by: optionalString,
  updated_at: optionalInt,
  updated_by: optionalString,
});

export const groupSchema = z.object({
  id: int,
  title: z.pipe(z.union([z.string(), z.number()]), z.transform(String)),
  type: int,
  department: optionalString,
  status: optionalInt,
  operate_time: optionalString,
  operator: optionalString,
  tags: z.pipe(
    z.optional(z.nullable(z.array(tagRuleSchema))),
    z.transform((v) => v ?? []),
  ),
  pnum: optionalInt,
});

export const groupPageSchema = z.object({
  records: z.array(groupSchema),
  total: int,
  size: int,
  current: int,
  pages: int,
});

export { GROUP_TYPE_LABELS } from "@/lib/validations/group-labels";

export type TagRule = z.output<typeof tagRuleSchema>;
export type Group = z.output<typeof groupSchema>;
export type GroupPage = z.output<typeof groupPageSchema>;

export const GROUP_PAGE_SIZE_MAX = 100;

const queryInt = (message: string, min: number, max?: number) =>
  z.coerce
    .number({ error: message })
    .check(z.int({ error: message }), z.gte(min, { error: message }), ...(max === undefined ? [] : [z.lte(max, { error: message })]));

const queryText = z.optional(
  z.pipe(
    z.string(),
    z.transform((v) => v.trim() || undefined),
  ),
);

/** GET /api/groups query: the contract's names and bounds. */
export const groupsQuerySchema = z.object({
  current: z._default(queryInt("current 必须是不小于 1 的整数", 1), 1),
  size: z._default(queryInt(`size 必须是 1 到 ${GROUP_PAGE_SIZE_MAX} 的整数`, 1, GROUP_PAGE_SIZE_MAX), 10),
  q: queryText,
  type: z.optional(queryInt("type 必须是 1（导入用户）或 2（标签组）", 1, 2)),
  department: queryText,
});
export type GroupsQuery = z.output<typeof groupsQuerySchema>;
