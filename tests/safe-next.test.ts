import { describe, expect, it } from "vitest";
import { safeNext } from "@/lib/auth/safe-next";

// Where sign-in sends a person afterwards: only somewhere on this console.

describe("safeNext", () => {
  it.each([
    ["/groups", "/groups"],
    ["/compose?groups=1,2", "/compose?groups=1,2"],
    ["/history/abc#top", "/history/abc#top"],
    ["/groups?q=%0A", "/groups?q=%0A"],
    ["/标签", "/%E6%A0%87%E7%AD%BE"],
    ["groups", "/groups"],
    // Scheme-relative to this console's own scheme: still a path here.
    ["http:example.com", "/example.com"],
  ])("keeps a path of this console: %j → %j", (value, expected) => {
    expect(safeNext(value)).toBe(expected);
  });

  it.each([
    ["/\t/example.com/pwn"],
    ["/\n/example.com"],
    ["/\r\n/example.com"],
    ["/\u0000/example.com"],
    ["/\u007f/example.com"],
    ["//example.com"],
    ["///example.com"],
    ["/\\example.com"],
    ["\\\\example.com"],
    ["/.//example.com"],
    ["/a/../..//example.com"],
    ["..//example.com"],
    ["https://example.com/pwn"],
    ["https:/example.com"],
    ["javascript:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["//user:pass@example.com"],
    ["\t//example.com"],
    [" //example.com"],
    [""],
    [null],
    [undefined],
  ])("sends %j home instead", (value) => {
    expect(safeNext(value)).toBe("/");
  });
});
