import { describe, expect, it } from "vitest";
import { estimateSpeakingSeconds, formatDuration, voiceWarnings } from "@/lib/compose/voice";

describe("voice speaking time", () => {
  it("is zero for no text and at least a second for any", () => {
    expect(estimateSpeakingSeconds("")).toBe(0);
    expect(estimateSpeakingSeconds("  ")).toBe(0);
    expect(estimateSpeakingSeconds("好")).toBe(1);
  });

  it("grows with the text, about four and a half characters a second", () => {
    expect(estimateSpeakingSeconds("字".repeat(45))).toBe(10);
    expect(estimateSpeakingSeconds("字".repeat(450))).toBe(100);
  });

  it("adds pauses for punctuation and counts each digit as spoken", () => {
    const plain = estimateSpeakingSeconds("字".repeat(18));
    expect(estimateSpeakingSeconds(`${"字".repeat(9)}。${"字".repeat(9)}。`)).toBeGreaterThan(plain);
    expect(estimateSpeakingSeconds("123456789")).toBe(2);
  });

  it("reads as people say it", () => {
    expect(formatDuration(12)).toBe("约 12 秒");
    expect(formatDuration(65)).toBe("约 1 分 05 秒");
  });
});

describe("voice warnings", () => {
  const kinds = (text: string) => voiceWarnings(text).map((w) => w.kind);

  it("has nothing to say about plain Chinese, or a year", () => {
    expect(voiceWarnings("各位居民，明天上午九点停水，请提前储水。")).toEqual([]);
    expect(voiceWarnings("2024年防汛演练")).toEqual([]);
  });

  it("flags long digit strings, which are read one digit at a time", () => {
    const [warning] = voiceWarnings("请拨打12345咨询");
    expect(warning).toMatchObject({ kind: "digits", text: "12345" });
    expect(warning?.message).toContain("一位一位");
  });

  it("flags # / % and 【】 once per symbol kind", () => {
    expect(kinds("按#号键")).toEqual(["symbol"]);
    expect(kinds("9/10")).toEqual(["symbol"]);
    expect(kinds("增长5%")).toEqual(["symbol"]);
    expect(kinds("【通知】【提醒】")).toEqual(["symbol"]);
  });

  it("flags a URL once, without also flagging its slashes or digits", () => {
    expect(kinds("详见 https://example.com/a/1234567 谢谢")).toEqual(["url"]);
    expect(kinds("详见www.example.com")).toEqual(["url"]);
  });

  it("warns when the script is longer than a call comfortably holds", () => {
    expect(kinds("字".repeat(300))).toEqual([]);
    expect(kinds("字".repeat(301))).toEqual(["long"]);
  });
});
