import { describe, expect, it } from "vitest";
import { fromRecord, groupsHref, readGroupsParams } from "@/lib/groups/groups-url";

describe("the group list's address", () => {
  it("reads page, size and filters, falling back to defaults for anything unusable", () => {
    expect(readGroupsParams(new URLSearchParams(""))).toEqual({ current: 1, size: 10 });
    expect(readGroupsParams(new URLSearchParams("page=abc&size=33&type=3&q=%20%20"))).toEqual({ current: 1, size: 10 });
    expect(readGroupsParams(new URLSearchParams("page=4&size=50&q=%20志愿者%20&type=2&department=视频部"))).toEqual({
      current: 4,
      size: 50,
      q: "志愿者",
      type: 2,
      department: "视频部",
    });
    expect(readGroupsParams(new URLSearchParams("tag_code=age&relational_symbols=range&value1=18&value2=35")).tag).toEqual({
      tag_code: "age",
      relational_symbols: "range",
      value1: "18",
      value2: "35",
    });
  });

  it("writes what it reads, so a link round-trips", () => {
    const params = { current: 3, size: 20, q: "西湖", type: 2 as const, tag: { tag_code: "area", value1: "西湖区" } };
    const href = groupsHref(params);
    expect(href).toMatch(/^\/groups\?page=3&size=20&/);
    expect(readGroupsParams(new URLSearchParams(href.split("?")[1]))).toEqual(params);
  });

  it("reads a server component's searchParams the same way", () => {
    expect(readGroupsParams(fromRecord({ page: ["2", "9"], size: "20", q: undefined }))).toEqual({ current: 2, size: 20 });
  });
});
