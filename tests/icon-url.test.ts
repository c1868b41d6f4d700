import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { absoluteIconUrl, isConsolePath, isLoopbackUrl } from "@/lib/pushes/icon-url";
import { optionsSchema } from "@/lib/validations/options";

describe("absoluteIconUrl", () => {
  it.each([
    ["/icons/news.svg", "https://chuanbo.example.com", "https://chuanbo.example.com/icons/news.svg"],
    ["/icons/news.svg", "https://chuanbo.example.com/", "https://chuanbo.example.com/icons/news.svg"],
    ["/icons/news.svg", "https://example.com/chuanbo", "https://example.com/chuanbo/icons/news.svg"],
    ["/icons/news.svg", "http://localhost:3501", "http://localhost:3501/icons/news.svg"],
    ["https://img.example.com/a.png", "https://chuanbo.example.com", "https://img.example.com/a.png"],
    // Not console paths: left alone (the push schema has already refused anything but http(s) and paths).
    ["//evil.example/a.png", "https://chuanbo.example.com", "//evil.example/a.png"],
    ["icons/news.svg", "https://chuanbo.example.com", "icons/news.svg"],
  ])("%s under %s is %s", (icon, base, sent) => {
    expect(absoluteIconUrl(icon, base)).toBe(sent);
  });
});

describe("isConsolePath", () => {
  it.each([
    ["/icons/news.svg", true],
    ["/", true],
    ["//evil.example/a.png", false],
    ["/\\evil.example", false],
    ["/icons/a b.svg", false],
    ["icons/news.svg", false],
    ["javascript:alert(1)", false],
    ["https://img.example.com/a.png", false],
    ["", false],
  ])("%s → %s", (value, expected) => {
    expect(isConsolePath(value)).toBe(expected);
  });
});

describe("isLoopbackUrl", () => {
  it.each([
    ["http://localhost:3000/icons/news.svg", true],
    ["http://LOCALHOST./a.png", true],
    ["http://app.localhost/a.png", true],
    ["http://127.0.0.1:3501/a.png", true],
    ["http://127.1.2.3/a.png", true],
    ["http://2130706433/a.png", true],
    ["http://0x7f.1/a.png", true],
    ["http://0.0.0.0/a.png", true],
    ["http://[::1]:3000/a.png", true],
    ["http://[::ffff:127.0.0.1]/a.png", true],
    ["https://chuanbo.example.com/icons/news.svg", false],
    ["https://localhost.example.com/a.png", false],
    ["http://10.0.0.5/a.png", false],
    ["/icons/news.svg", false],
    ["not a url", false],
  ])("%s → %s", (value, expected) => {
    expect(isLoopbackUrl(value)).toBe(expected);
  });
});

describe("the options file's icons", () => {
  const base = { sections: [{ id: 1, name: "a" }], types: [{ id: 1, name: "b" }] };
  const parse = (url: string) => z.safeParse(optionsSchema, { ...base, icons: [{ url, name: "新闻" }] }).success;
  it("take console paths and http(s) addresses, nothing else", () => {
    expect(parse("/icons/news.svg")).toBe(true);
    expect(parse("https://img.example.com/a.png")).toBe(true);
    expect(parse("//evil.example/a.png")).toBe(false);
    expect(parse("javascript:alert(1)")).toBe(false);
    expect(parse("icons/news.svg")).toBe(false);
  });
});
