import { describe, expect, it } from "vitest";
import { hasFilters, pageOf, searchGroups } from "@/lib/groups/search";
import { tagRule } from "./support/tag-rule";
import type { Group, TagRule } from "@/lib/validations/group";

const tag = (tag_code: string, tag_name: string, relational_symbols: string, value1: string, value2: string | null = null): TagRule =>
  tagRule({ tag_code, tag_name, relational_symbols, value1, value2 });

const group = (id: number, fields: Partial<Group>): Group => ({
  id,
  title: `组${id}`,
  type: 1,
  department: "新闻中心",
  status: 1,
  operate_time: "2024-06-06 15:19:04",
  operator: "demo6",
  tags: [],
  pnum: 10,
  ...fields,
});

const groups = [
  group(144, { title: "太平街道志愿者", type: 2, tags: [tag("work_unit", "工作单位", "value", "太平街道")] }),
  group(145, { title: "Grid Workers", department: "融媒体中心", operator: "王磊" }),
  group(146, { title: "西湖区青年", type: 2, tags: [tag("age", "年龄", "range", "18", "35"), tag("area", "所在区域", "value", "西湖区")] }),
  group(1446, { title: "名单", department: null, operator: null }),
];
const ids = (list: Group[]) => list.map((g) => g.id);

describe("search across groups", () => {
  it("matches a keyword in the title, department, operator, tag name or tag value", () => {
    expect(ids(searchGroups(groups, { q: "志愿者" }))).toEqual([144]);
    expect(ids(searchGroups(groups, { q: "融媒体" }))).toEqual([145]);
    expect(ids(searchGroups(groups, { q: "王磊" }))).toEqual([145]);
    expect(ids(searchGroups(groups, { q: "所在区域" }))).toEqual([146]);
    expect(ids(searchGroups(groups, { q: "太平街道" }))).toEqual([144]);
    expect(ids(searchGroups(groups, { q: "35" }))).toEqual([146]);
  });

  it("matches an id exactly, not as part of a longer id", () => {
    expect(ids(searchGroups(groups, { q: "144" }))).toEqual([144]);
    expect(ids(searchGroups(groups, { q: "1446" }))).toEqual([1446]);
  });

  it("ignores case and full-width forms, and needs every keyword", () => {
    expect(ids(searchGroups(groups, { q: "grid" }))).toEqual([145]);
    expect(ids(searchGroups(groups, { q: "ＧＲＩＤ　workers" }))).toEqual([145]);
    expect(ids(searchGroups(groups, { q: "grid 志愿者" }))).toEqual([]);
    expect(ids(searchGroups(groups, { q: "西湖区 青年" }))).toEqual([146]);
  });

  it("does not match across two fields", () => {
    expect(ids(searchGroups(groups, { q: "街道志愿者新闻" }))).toEqual([]);
  });

  it("filters by type, department and tag, together with keywords", () => {
    expect(ids(searchGroups(groups, { type: 2 }))).toEqual([144, 146]);
    expect(ids(searchGroups(groups, { department: "融媒体中心" }))).toEqual([145]);
    expect(ids(searchGroups(groups, { type: 2, q: "西湖" }))).toEqual([146]);
    expect(ids(searchGroups(groups, { tag: { tag_code: "age" } }))).toEqual([146]);
    expect(ids(searchGroups(groups, { tag: { tag_code: "age", relational_symbols: "range", value1: "18", value2: "35" } }))).toEqual([146]);
    expect(ids(searchGroups(groups, { tag: { tag_code: "age", value1: "19" } }))).toEqual([]);
    expect(ids(searchGroups(groups, { tag: { tag_code: "work_unit", value1: "太平街道" } }))).toEqual([144]);
  });

  it("tells whether any filter is set", () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ q: "x" })).toBe(true);
    expect(hasFilters({ tag: { tag_code: "age" } })).toBe(true);
  });

  it("pages results in the upstream's shape", () => {
    expect(pageOf([1, 2, 3, 4, 5], 2, 2)).toEqual({ records: [3, 4], total: 5, size: 2, current: 2, pages: 3 });
    expect(pageOf([], 1, 10)).toEqual({ records: [], total: 0, size: 10, current: 1, pages: 0 });
    expect(pageOf([1], 9, 10).records).toEqual([]);
  });
});
