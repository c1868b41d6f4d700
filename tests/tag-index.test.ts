import { describe, expect, it } from "vitest";
import { buildTagIndex } from "@/lib/groups/tag-index";
import { formatChinaTime } from "@/lib/text/china-time";
import { tagRule } from "./support/tag-rule";
import type { Group } from "@/lib/validations/group";

const rule = (tag_code: string, value1: string, relational_symbols = "value", value2: string | null = null) =>
  tagRule({ tag_code, tag_name: tag_code === "area" ? "所在区域" : null, relational_symbols, value1, value2 });
const group = (id: number, department: string | null, tags: Group["tags"]): Group => ({
  id,
  title: String(id),
  type: 2,
  department,
  status: 1,
  operate_time: null,
  operator: null,
  tags,
  pnum: null,
});

describe("tag index", () => {
  it("lists each tag with its distinct values and how many groups use each, most used first", () => {
    const index = buildTagIndex([
      group(1, "新闻中心", [rule("area", "西湖区"), rule("age", "18", "range", "35")]),
      group(2, "新闻中心", [rule("area", "西湖区")]),
      group(3, "视频部", [rule("area", "滨江区"), rule("area", "西湖区")]),
      group(4, null, []),
    ]);
    expect(index.tags).toEqual([
      {
        tag_code: "area",
        tag_name: "所在区域",
        groups: 3,
        values: [
          { relational_symbols: "value", value1: "西湖区", value2: null, groups: 3 },
          { relational_symbols: "value", value1: "滨江区", value2: null, groups: 1 },
        ],
      },
      { tag_code: "age", tag_name: null, groups: 1, values: [{ relational_symbols: "range", value1: "18", value2: "35", groups: 1 }] },
    ]);
    expect(index.departments).toEqual([
      { department: "新闻中心", groups: 2 },
      { department: "视频部", groups: 1 },
    ]);
  });
});

describe("China time", () => {
  it("shows an epoch in UTC+8 whatever the zone", () => {
    expect(formatChinaTime(Date.UTC(2025, 2, 1, 16, 30, 5))).toBe("2025-03-02 00:30:05");
    expect(formatChinaTime("2026-01-01T00:00:00Z")).toBe("2026-01-01 08:00:00");
    expect(formatChinaTime(Number.NaN)).toBe("—");
  });
});
