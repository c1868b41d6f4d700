import type { TagRule } from "@/lib/validations/group";

/** A group's tag rule as the vendor sends it, with the fields a test does not care about left empty. */
export const tagRule = (rule: Pick<TagRule, "tag_code" | "value1"> & Partial<TagRule>): TagRule => ({
  group_id: null,
  tag_name: null,
  relational_symbols: "value",
  value2: null,
  tenant_id: null,
  created_at: null,
  created_by: null,
  updated_at: null,
  updated_by: null,
  ...rule,
});
