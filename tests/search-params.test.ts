import { describe, expect, it } from "vitest";
import { NUL_MESSAGE } from "@/lib/server/body";
import { hrefOf, listInput, parseSearch, QUERY_PROBLEM, searchProblem } from "@/lib/server/search-params";
import { pushListQuerySchema } from "@/lib/validations/push-record";

// The route wrapper and the server-rendered lists parse the address the same way.
describe("parseSearch", () => {
  it("takes a page's searchParams like the route takes the URL: last value of a repeated name", () => {
    const fromPage = parseSearch(pushListQuerySchema, { status: ["sent", "failed"], current: "2", q: undefined });
    const fromUrl = parseSearch(pushListQuerySchema, new URLSearchParams("status=sent&status=failed&current=2"));
    expect(fromPage).toEqual(fromUrl);
    expect(fromPage.ok && fromPage.query).toMatchObject({ status: "failed", current: 2 });
  });

  it.each([
    ["an unknown status", { status: "gone" }, "status"],
    ["a page of 0", { current: "0" }, "current"],
    ["days out of order", { from: "2026-02-02", to: "2026-02-01" }, "to"],
  ])("refuses %s, naming the field", (_, input, field) => {
    const parsed = parseSearch(pushListQuerySchema, input);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toBe(QUERY_PROBLEM);
    expect(Object.keys(parsed.fields)).toContain(field);
  });

  it("refuses U+0000 in a name or a value before parsing", () => {
    for (const input of [{ q: "a\0b" }, { ["q\0"]: "x" }])
      expect(parseSearch(pushListQuerySchema, input)).toEqual({ ok: false, message: NUL_MESSAGE, fields: {} });
  });
});

// A server-rendered list's address as its route's query: the page's filters, `page` as `current`, its size.
describe("listInput", () => {
  const keys = ["notify_way", "sent_by"];
  it.each([
    ["no page", {}, "1"],
    ["page 3", { page: "3" }, "3"],
    ["page 0", { page: "0" }, "1"],
    ["a negative page", { page: "-2" }, "1"],
    ["a fractional page", { page: "2.5" }, "1"],
    ["words for a page", { page: "abc" }, "1"],
    ["a blank page", { page: "" }, "1"],
    ["an exponent", { page: "1e3" }, "1000"],
    ["a repeated page", { page: ["2", "4"] }, "4"],
  ])("reads %s as current %s", (_, input, current) => {
    expect(listInput(input, keys, 20)).toEqual({ current, size: "20" });
  });

  it("keeps only the page's filters, leaves out blank ones, and never takes current or size from the address", () => {
    const input = { notify_way: "3", sent_by: "", current: "9", size: "10000", status: "sent", "notify_way\0": "1" };
    expect(listInput(input, keys, 20)).toEqual({ notify_way: "3", current: "1", size: "20" });
  });

  it("passes a bad filter on for the route's schema to refuse in its words", () => {
    const parsed = parseSearch(pushListQuerySchema, listInput({ notify_way: "9", sent_by: "a\0b" }, keys, 20));
    expect(parsed).toEqual({ ok: false, message: NUL_MESSAGE, fields: {} });
  });
});

describe("listInput with sizes to choose from (/history)", () => {
  const sizes = { offered: [10, 20, 50], fallback: 20 };
  it.each([
    ["no size", {}, "20"],
    ["an offered size", { size: "50" }, "50"],
    ["a size not offered", { size: "7" }, "20"],
    ["a size of 10 000", { size: "10000" }, "20"],
    ["a size in words", { size: "many" }, "20"],
    ["a repeated size (the last counts)", { size: ["50", "10"] }, "10"],
  ])("reads %s as size %s", (_, input, size) => {
    expect(listInput(input, ["q", "status"], sizes)).toEqual({ current: "1", size });
  });

  it("passes each filter as written for the schema to judge, the last of a repeated one, blank ones left out", () => {
    const input = listInput(
      { q: "停水", status: "bogus", from: "", sent_by: ["a", "b"], other: "x" },
      ["q", "status", "from", "sent_by"],
      sizes,
    );
    expect(input).toEqual({ q: "停水", status: "bogus", sent_by: "b", current: "1", size: "20" });
    const parsed = parseSearch(pushListQuerySchema, input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(searchProblem(parsed)).toMatch(/^查询参数有误。 .*status/);
  });
});

describe("hrefOf", () => {
  it("gives the address back for 重试, encoded, with each name's last value", () => {
    expect(hrefOf("/approvals", {})).toBe("/approvals");
    expect(hrefOf("/templates", { q: ["a", "值班 短信&x"], page: "2" })).toBe(
      "/templates?q=%E5%80%BC%E7%8F%AD+%E7%9F%AD%E4%BF%A1%26x&page=2",
    );
  });
});
