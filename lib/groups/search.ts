import type { GroupsParams, TagFilter } from "@/lib/groups/groups-params";
import type { Group } from "@/lib/validations/group";

// Search across the whole group list: the console's own work, since the upstream only pages.

export type GroupFilters = Omit<GroupsParams, "current" | "size">;

export function hasFilters(filters: GroupFilters): boolean {
  return Boolean(filters.q || filters.type || filters.department || filters.tag);
}

/** Full-width letters and digits fold to their ASCII forms, and case is ignored. */
export function normalize(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

// One lowercased text per group, built once per fetched list (the objects are replaced on refetch).
const haystacks = new WeakMap<Group, string>();

function haystack(group: Group): string {
  let text = haystacks.get(group);
  if (text === undefined) {
    const parts = [group.title, group.department, group.operator];
    for (const rule of group.tags) parts.push(rule.tag_code, rule.tag_name, rule.value1, rule.value2);
    // A separator no one types, so a keyword never matches across two fields.
    text = normalize(parts.filter((p) => p !== null).join("\u0000"));
    haystacks.set(group, text);
  }
  return text;
}

/** Builds every group's search text now (a fresh list, before it is served), so no search pays for it. */
export function prepareForSearch(groups: readonly Group[]): void {
  for (const group of groups) haystack(group);
}

export function keywordTokens(q: string | undefined): string[] {
  return q ? normalize(q).split(/\s+/).filter(Boolean) : [];
}

/** Every keyword must match: the group's id exactly, or part of its title, department, operator or a tag. */
function matchesKeywords(group: Group, tokens: string[]): boolean {
  if (tokens.length === 0) return true;
  const text = haystack(group);
  const id = String(group.id);
  return tokens.every((token) => token === id || text.includes(token));
}

function matchesTag(group: Group, tag: TagFilter): boolean {
  return group.tags.some(
    (rule) =>
      rule.tag_code === tag.tag_code &&
      (tag.relational_symbols === undefined || rule.relational_symbols === tag.relational_symbols) &&
      (tag.value1 === undefined || rule.value1 === tag.value1) &&
      (tag.value2 === undefined || rule.value2 === tag.value2),
  );
}

export function searchGroups(groups: readonly Group[], filters: GroupFilters): Group[] {
  const tokens = keywordTokens(filters.q);
  const { type, department, tag } = filters;
  return groups.filter(
    (group) =>
      (type === undefined || group.type === type) &&
      (department === undefined || group.department === department) &&
      (tag === undefined || matchesTag(group, tag)) &&
      matchesKeywords(group, tokens),
  );
}

/** One page of a list, in the upstream's page shape. */
export function pageOf<T>(items: readonly T[], current: number, size: number) {
  return {
    records: items.slice((current - 1) * size, current * size),
    total: items.length,
    size,
    current,
    pages: Math.ceil(items.length / size),
  };
}
