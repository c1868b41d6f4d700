import { describe, expect, it } from "vitest";
import { describeRule, relationText, ruleText, ruleTitle } from "@/lib/groups/tag-rule";
import type { TagRule } from "@/lib/validations/group";

const rule = (fields: Partial<TagRule>): TagRule => ({
  group_id: 144,
  tag_code: "work_unit",
  tag_name: "工作单位",
  relational_symbols: "value",
  value1: "太平街道",
  value2: null,
  tenant_id: 6,
  created_at: null,
  created_by: null,
  updated_at: null,
  updated_by: null,
  ...fields,
});

describe("tag rule text", () => {
  it("reads a value rule as name = value", () => {
    expect(ruleText(rule({}))).toBe("工作单位 = 太平街道");
  });

  it("reads a range as from–to, and an open range with ≥ or ≤", () => {
    const age = { tag_code: "age", tag_name: "年龄", relational_symbols: "range" };
    expect(ruleText(rule({ ...age, value1: "18", value2: "35" }))).toBe("年龄 18–35");
    expect(ruleText(rule({ ...age, value1: "18", value2: null }))).toBe("年龄 ≥ 18");
    expect(ruleText(rule({ ...age, value1: null, value2: "35" }))).toBe("年龄 ≤ 35");
  });

  it("reads comparison symbols as people write them, never as the vendor's abbreviation", () => {
    const level = (relational_symbols: string) => ruleText(rule({ tag_name: "会员等级", relational_symbols, value1: "3" }));
    expect(level("gte")).toBe("会员等级 ≥ 3");
    expect(level("lte")).toBe("会员等级 ≤ 3");
    expect(level("gt")).toBe("会员等级 > 3");
    expect(level("lt")).toBe("会员等级 < 3");
    expect(level("eq")).toBe("会员等级 = 3");
    expect(level("neq")).toBe("会员等级 ≠ 3");
    expect(level("ne")).toBe("会员等级 ≠ 3");
    expect(level("GTE")).toBe("会员等级 ≥ 3");
    expect(ruleText(rule({ relational_symbols: "contains", value1: "街道" }))).toBe("工作单位 包含 街道");
    expect(ruleText(rule({ relational_symbols: "in", value1: "太平街道", value2: "城东街道" }))).toBe("工作单位 属于 太平街道、城东街道");
    const parts = describeRule(rule({ tag_code: "vip_level", tag_name: "会员等级", relational_symbols: "gte", value1: "3" }));
    expect(parts).toEqual({ name: "会员等级", operator: "≥", value: "3", known: true });
  });

  it("keeps the vendor's own symbol and the tag code for the hover text", () => {
    expect(ruleTitle(rule({ tag_code: "vip_level", tag_name: "会员等级", relational_symbols: "gte", value1: "3" }))).toBe(
      "会员等级 ≥ 3（vip_level，传播通的写法为 gte）",
    );
    expect(ruleTitle(rule({}))).toBe("工作单位 = 太平街道（work_unit）");
    expect(ruleTitle(rule({ relational_symbols: "between", value1: "1" }))).toBe("传播通未说明的规则「between」，按原样显示（work_unit）");
  });

  it("shows an unknown symbol as it came, with every value, and marks it unknown", () => {
    const parts = describeRule(rule({ relational_symbols: "between", value1: "1", value2: "9" }));
    expect(parts).toEqual({ name: "工作单位", operator: "between", value: "1, 9", known: false });
    expect(ruleText(rule({ relational_symbols: "between", value1: "1", value2: "9" }))).toBe("工作单位 between 1, 9");
    // A name an object has of its own is still unknown, not a function's text.
    expect(describeRule(rule({ relational_symbols: "constructor" })).known).toBe(false);
  });

  it("survives missing names, symbols and values", () => {
    expect(ruleText(rule({ tag_name: null, relational_symbols: null, value1: null }))).toBe("work_unit ? （空）");
    expect(ruleText(rule({ tag_name: "  ", value1: null }))).toBe("work_unit = （空）");
  });

  it("keeps markup as plain text", () => {
    expect(ruleText(rule({ value1: "<b>x</b>" }))).toBe("工作单位 = <b>x</b>");
  });
});

describe("a rule's relation alone (the 关系 column)", () => {
  it.each([
    ["range", "介于"],
    ["value", "="],
    ["gte", "≥"],
    [" GTE ", "≥"],
    ["lte", "≤"],
    ["contains", "包含"],
    ["between_ish", "between_ish"],
    ["", null],
    ["constructor", "constructor"],
    ["__proto__", "__proto__"],
  ])("%j reads %j, as the chip says it", (symbol, text) => {
    expect(relationText(symbol)).toBe(text);
  });

  it("says nothing for no relation", () => {
    expect(relationText(null)).toBeNull();
  });
});
