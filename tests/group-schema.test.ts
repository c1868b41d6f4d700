import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { groupPageSchema, groupSchema } from "@/lib/validations/group";

// The record from the vendor's own example, as it was printed on its page.
const vendorExample = {
  id: 144,
  title: "xx选择标签",
  type: "2",
  department: "xxx",
  status: "1",
  operate_time: "2024-06-06 15:19:04",
  operator: "demo6",
  tags: [
    {
      created_at: 1718075918000,
      created_by: "5bf6694083c7664d036e16f2",
      updated_at: 1718075918000,
      updated_by: "5bf6694083c7664d036e16f2",
      group_id: 144,
      tag_code: "work_unit",
      tag_name: "工作单位",
      tenant_id: 6,
      relational_symbols: "value",
      value1: "太平街道",
    },
  ],
  pnum: 0,
};

describe("group schema: the vendor's group_list records", () => {
  it("reads the vendor's example, turning numeric strings into numbers", () => {
    const group = z.parse(groupSchema, vendorExample);
    expect(group).toMatchObject({ id: 144, type: 2, status: 1, pnum: 0, department: "xxx" });
    expect(group.tags[0]).toMatchObject({ tag_code: "work_unit", value1: "太平街道", value2: null, created_at: 1718075918000 });
  });

  it("tolerates a missing pnum or tags and ignores unknown fields", () => {
    const { pnum: _p, tags: _t, ...bare } = vendorExample;
    const group = z.parse(groupSchema, { ...bare, surprise: { nested: true } });
    expect(group.pnum).toBeNull();
    expect(group.tags).toEqual([]);
    expect(group).not.toHaveProperty("surprise");
    expect(z.parse(groupSchema, { ...vendorExample, tags: null }).tags).toEqual([]);
  });

  it("keeps unknown relational symbols and a value2 as they come", () => {
    const tag = { ...vendorExample.tags[0], relational_symbols: "range", tag_name: "年龄", value1: "18", value2: "35" };
    expect(z.parse(groupSchema, { ...vendorExample, tags: [tag] }).tags[0]).toMatchObject({ relational_symbols: "range", value2: "35" });
  });

  it("rejects what is not the contract", () => {
    expect(z.safeParse(groupSchema, { ...vendorExample, id: "abc" }).success).toBe(false);
    expect(z.safeParse(groupSchema, { ...vendorExample, type: undefined }).success).toBe(false);
    expect(z.safeParse(groupPageSchema, { records: [vendorExample], total: 1, size: 1, current: 1 }).success).toBe(false);
  });
});
