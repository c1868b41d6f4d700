import { describe, expect, it } from "vitest";
import { measureSms, smsSegments, smsText } from "@/lib/compose/sms";

describe("SMS segments", () => {
  it("bills nothing for nothing, one message up to 70 characters, then 67 per segment", () => {
    expect(smsSegments(0)).toBe(0);
    expect(smsSegments(1)).toBe(1);
    expect(smsSegments(70)).toBe(1);
    expect(smsSegments(71)).toBe(2);
    expect(smsSegments(134)).toBe(2);
    expect(smsSegments(135)).toBe(3);
    expect(smsSegments(201)).toBe(3);
    expect(smsSegments(202)).toBe(4);
  });
});

describe("SMS as the phone receives it", () => {
  it("puts 【签名】 first and counts it, brackets included", () => {
    expect(smsText("天目新闻", "明天停水")).toBe("【天目新闻】明天停水");
    expect(measureSms("天目新闻", "明天停水")).toEqual({ text: "【天目新闻】明天停水", length: 10, segments: 1, fits: true });
  });

  it("counts code points, so an emoji is one character", () => {
    expect(measureSms("天目新闻", "🚒出动").length).toBe(9);
  });

  it("tips into two messages when the signature pushes a 70-character template over", () => {
    const template = "字".repeat(64);
    expect(measureSms("天目新闻", template)).toMatchObject({ length: 70, segments: 1 });
    expect(measureSms("天目新闻", `${template}多`)).toMatchObject({ length: 71, segments: 2 });
  });

  it("ignores surrounding blanks (they are trimmed before sending) and an empty template bills nothing", () => {
    expect(measureSms("天目新闻", "  通知  ").length).toBe(8);
    expect(measureSms("天目新闻", "   ")).toMatchObject({ length: 0, segments: 0 });
  });

  it("works without a signature chosen yet", () => {
    expect(measureSms(undefined, "通知")).toEqual({ text: "通知", length: 2, segments: 1, fits: true });
  });
});

describe("a template over the vendor's 70 characters", () => {
  // Over 70 is an error (the vendor's rule): nothing then describes it as messages to bill.
  it.each([
    ["71 Chinese characters", "字".repeat(71)],
    ["71 emoji (one code point each)", "🚒".repeat(71)],
    ["70 characters and one more after inner blanks", `${"字".repeat(35)}  ${"字".repeat(34)}`],
    ["far over", "字".repeat(5000)],
  ])("%s: does not fit, 0 characters and 0 messages", (_name, template) => {
    expect(measureSms("天目新闻", template)).toMatchObject({ fits: false, length: 0, segments: 0 });
    expect(measureSms(undefined, template)).toMatchObject({ fits: false, length: 0, segments: 0 });
  });

  it.each([
    ["exactly 70", "字".repeat(70), 76, 2],
    ["70 with blanks around (trimmed before sending)", `  ${"字".repeat(70)}\n`, 76, 2],
    ["70 emoji", "🚒".repeat(70), 76, 2],
  ])("%s: fits, and the signature may still split it", (_name, template, length, segments) => {
    expect(measureSms("天目新闻", template)).toMatchObject({ fits: true, length, segments });
  });
});
