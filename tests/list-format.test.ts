import { describe, expect, it } from "vitest";
import { formatRecordListTime, formatRecordTime, recordReachCell, recordReachText } from "@/lib/pushes/display";
import { formatChinaListTime, formatChinaTime } from "@/lib/text/china-time";

// Lists and details (docs: the team's conventions): lists to the minute, details with seconds;
// a list's numeric column carries the number alone, its unit in the header.

describe("times in lists and details", () => {
  const at = "2026-11-30T11:33:42.000Z"; // 19:33:42 in Beijing

  it("writes a list's time to the minute in Beijing time, a detail's with seconds", () => {
    expect(formatChinaListTime(at)).toBe("2026-11-30 19:33");
    expect(formatChinaTime(at)).toBe("2026-11-30 19:33:42");
    expect(formatRecordListTime(at)).toBe("2026-11-30 19:33");
    expect(formatRecordTime(at)).toBe("2026-11-30 19:33:42");
    expect(formatChinaListTime(Date.parse("2026-12-01T07:00:00Z"))).toBe("2026-12-01 15:00");
    expect(formatChinaListTime(new Date("2026-12-31T16:05:59Z"))).toBe("2027-01-01 00:05");
  });

  it("cuts the seconds off a time the vendor already wrote in Beijing time, and keeps any other text", () => {
    expect(formatChinaListTime("2024-06-06 15:19:04")).toBe("2024-06-06 15:19");
    expect(formatChinaListTime("2024-06-06 15:19")).toBe("2024-06-06 15:19");
    expect(formatChinaListTime("昨天")).toBe("昨天");
  });

  it("says — for a time not yet there", () => {
    expect(formatRecordListTime(null)).toBe("—");
  });
});

describe("reach", () => {
  it("reads 预计触达 N 人 in sentences, and the number alone in a list's column", () => {
    expect(recordReachText({ reach: 26816, reach_incomplete: false })).toBe("预计触达 26,816 人");
    expect(recordReachCell({ reach: 26816, reach_incomplete: false })).toBe("26,816");
    expect(recordReachCell({ reach: 6, reach_incomplete: false })).toBe("6");
  });

  it("never reads an unknown reach as a number", () => {
    expect(recordReachText({ reach: null, reach_incomplete: true })).toBe("人数未知");
    expect(recordReachCell({ reach: null, reach_incomplete: true })).toBe("人数未知");
    expect(recordReachText({ reach: 10, reach_incomplete: true })).toBe("人数未知（已知部分预计触达 10 人）");
    expect(recordReachCell({ reach: 10, reach_incomplete: true })).toBe("人数未知（已知部分 10）");
  });
});
