import { describe, expect, it } from "vitest";
import { formatCount } from "@/lib/text/count";

// The oracle: zh-CN's own formatter (Node carries full ICU), which the console's pages no longer build.
const zh = new Intl.NumberFormat("zh-CN");

describe("formatCount", () => {
  it("groups digits as zh-CN does, for the counts people see", () => {
    const values = [
      0,
      1,
      9,
      10,
      999,
      1000,
      1001,
      9999,
      12345,
      122146,
      999999,
      1000000,
      1234567,
      987654321,
      2 ** 31,
      Number.MAX_SAFE_INTEGER,
    ];
    for (const n of values) {
      expect(formatCount(n)).toBe(zh.format(n));
      if (n > 0) expect(formatCount(-n)).toBe(zh.format(-n));
    }
  });

  it("agrees with zh-CN on a spread of whole numbers of every length", () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      const n = (next() * 2 ** 21 + next()) % 10 ** (1 + (i % 15));
      expect(formatCount(n), String(n)).toBe(zh.format(n));
    }
  });

  it("rounds a fraction to the nearest count, with no sign on a zero", () => {
    expect(formatCount(1234.4)).toBe("1,234");
    expect(formatCount(1234.5)).toBe("1,235");
    expect(formatCount(-0.4)).toBe("0");
  });
});
