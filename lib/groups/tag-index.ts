import type { Group } from "@/lib/validations/group";

// Which tags the groups use, with their distinct values and how many groups use each.

export type TagValueSummary = {
  relational_symbols: string | null;
  value1: string | null;
  value2: string | null;
  groups: number;
};
export type TagSummary = { tag_code: string; tag_name: string | null; groups: number; values: TagValueSummary[] };
export type DepartmentSummary = { department: string; groups: number };
export type TagIndex = { tags: TagSummary[]; departments: DepartmentSummary[]; fetchedAt: string };

const byCount =
  <T extends { groups: number }>(label: (item: T) => string) =>
  (a: T, b: T) =>
    b.groups - a.groups || label(a).localeCompare(label(b), "zh-CN");

export function buildTagIndex(groups: readonly Group[]): Omit<TagIndex, "fetchedAt"> {
  const tags = new Map<
    string,
    { tag_name: string | null; groups: Set<number>; values: Map<string, TagValueSummary & { ids: Set<number> }> }
  >();
  const departments = new Map<string, number>();
  for (const group of groups) {
    if (group.department) departments.set(group.department, (departments.get(group.department) ?? 0) + 1);
    for (const rule of group.tags) {
      let tag = tags.get(rule.tag_code);
      if (!tag) {
        tag = { tag_name: null, groups: new Set(), values: new Map() };
        tags.set(rule.tag_code, tag);
      }
      tag.tag_name ??= rule.tag_name;
      tag.groups.add(group.id);
      const key = JSON.stringify([rule.relational_symbols, rule.value1, rule.value2]);
      let value = tag.values.get(key);
      if (!value) {
        value = { relational_symbols: rule.relational_symbols, value1: rule.value1, value2: rule.value2, groups: 0, ids: new Set() };
        tag.values.set(key, value);
      }
      value.ids.add(group.id);
    }
  }
  return {
    tags: [...tags]
      .map(([tag_code, tag]) => ({
        tag_code,
        tag_name: tag.tag_name,
        groups: tag.groups.size,
        values: [...tag.values.values()]
          .map(({ ids, ...value }) => ({ ...value, groups: ids.size }))
          .sort(byCount((v) => `${v.value1 ?? ""} ${v.value2 ?? ""}`)),
      }))
      .sort(byCount((t) => t.tag_code)),
    departments: [...departments].map(([department, count]) => ({ department, groups: count })).sort(byCount((d) => d.department)),
  };
}
