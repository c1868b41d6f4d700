import { describe, expect, it } from "vitest";
import { pageWindow } from "@/components/ui/pagination";

describe("page numbers shown", () => {
  it("shows every page when there are few", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(3, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
  it("keeps the first, the last and the current page's neighbours, with gaps", () => {
    expect(pageWindow(1, 50)).toEqual([1, 2, 3, 4, 5, null, 50]);
    expect(pageWindow(4, 50)).toEqual([1, 2, 3, 4, 5, null, 50]);
    expect(pageWindow(5, 50)).toEqual([1, null, 4, 5, 6, null, 50]);
    expect(pageWindow(47, 50)).toEqual([1, null, 46, 47, 48, 49, 50]);
    expect(pageWindow(50, 50)).toEqual([1, null, 46, 47, 48, 49, 50]);
  });
});
