import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { auditQuerySchema } from "@/lib/validations/audit";
import { isCalendarDay, likeContains } from "@/lib/validations/list-filters";
import { approvalListQuerySchema, pushListQuerySchema } from "@/lib/validations/push-record";

const parse = (params: Record<string, string>) => z.safeParse(pushListQuerySchema, params);
const fieldsOf = (result: ReturnType<typeof parse>) =>
  result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0] ?? "_"), i.message]));

describe("the lists' filters", () => {
  it.each([
    ["2026-11-29", true],
    ["2024-02-29", true],
    ["2026-02-29", false],
    ["2026-02-30", false],
    ["2026-13-01", false],
    ["2026-00-10", false],
    ["2026-1-01", false],
    ["26-01-01", false],
    ["1999-12-31", false],
    ["2026-01-01T00:00", false],
    ["2026-01-01'--", false],
    ["", false],
  ])("%s is a calendar day: %s", (day, ok) => {
    expect(isCalendarDay(day)).toBe(ok);
  });

  it.each([
    ["100%", "%100\\%%"],
    ["a_b", "%a\\_b%"],
    ["\\", "%\\\\%"],
    ["'; DROP TABLE pushes; --", "%'; DROP TABLE pushes; --%"],
  ])("LIKE pattern for %s takes it literally", (text, pattern) => {
    expect(likeContains(text)).toBe(pattern);
  });

  it("parses words, sender and days; a blank value is no filter", () => {
    const result = parse({
      q: "  停水 % ",
      sent_by: "demo-editor",
      from: "2026-11-01",
      to: "2026-11-01",
      status: "scheduled",
      notify_way: "",
    });
    expect(result.success && result.data).toEqual({
      current: 1,
      size: 10,
      q: "停水 %",
      sent_by: "demo-editor",
      from: "2026-11-01",
      to: "2026-11-01",
      status: "scheduled",
      notify_way: undefined,
    });
    expect(parse({ q: "   ", from: "" }).success).toBe(true);
  });

  it.each([
    [{ from: "2026-02-30" }, "from", /真实的一天/],
    [{ to: "yesterday" }, "to", /YYYY-MM-DD/],
    [{ from: "2026-11-29", to: "2026-11-01" }, "to", /结束日期不能早于开始日期/],
    [{ q: "字".repeat(101) }, "q", /搜索词最多 100 个字/],
    [{ sent_by: "x".repeat(65) }, "sent_by", /发送人最多 64 个字/],
    [{ status: "sent' OR 1=1" }, "status", /status 只能是/],
  ])("refuses %j in Chinese, on the field", (params, field, message) => {
    expect(fieldsOf(parse(params))[field]).toMatch(message);
  });

  it("approvals and the audit log check days and their order the same way", () => {
    expect(z.safeParse(approvalListQuerySchema, { from: "2026-11-29", to: "2026-11-28" }).success).toBe(false);
    expect(z.safeParse(approvalListQuerySchema, { sent_by: "a", notify_way: "2", from: "2026-11-28" }).success).toBe(true);
    expect(z.safeParse(auditQuerySchema, { from: "2026-11-29", to: "2026-11-28" }).success).toBe(false);
    expect(z.safeParse(auditQuerySchema, { from: "2026-02-30" }).success).toBe(false);
    expect(z.safeParse(auditQuerySchema, { from: "2026-11-28", to: "2026-11-28" }).success).toBe(true);
  });
});
