import { describe, expect, it } from "vitest";
import { NUL_MESSAGE } from "@/lib/server/body";
import { parseSearch, QUERY_PROBLEM } from "@/lib/server/search-params";
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
