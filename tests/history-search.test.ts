import { describe, expect, it } from "vitest";
import { historyQueryInput, historyWatch } from "@/lib/pushes/history-search";

// /history's address → GET /api/pushes' query input, and when the list looks again by itself.
describe("historyQueryInput", () => {
  it.each([
    ["nothing", {}, { current: "1", size: "20" }],
    ["page 3 of 50", { page: "3", size: "50" }, { current: "3", size: "50" }],
    ["a page of 0", { page: "0" }, { current: "1", size: "20" }],
    ["a negative page", { page: "-2" }, { current: "1", size: "20" }],
    ["a fractional page", { page: "2.5" }, { current: "1", size: "20" }],
    ["a page in words", { page: "two" }, { current: "1", size: "20" }],
    ["a size not offered", { size: "7" }, { current: "1", size: "20" }],
    ["a size of 10 000", { size: "10000" }, { current: "1", size: "20" }],
    ["a repeated page (the last counts)", { page: ["2", "4"] }, { current: "4", size: "20" }],
    ["current given directly (not the page's name)", { current: "9" }, { current: "1", size: "20" }],
  ])("reads %s", (_, search, expected) => {
    expect(historyQueryInput(search)).toEqual({ input: expected, filtered: false });
  });

  it("passes each filter as written, blank ones left out, and knows the list is filtered", () => {
    const { input, filtered } = historyQueryInput({ q: "停水", status: "bogus", from: "", sent_by: ["a", "b"], other: "x" });
    expect(input).toEqual({ q: "停水", status: "bogus", sent_by: "b", current: "1", size: "20" });
    expect(filtered).toBe(true);
  });

  it("an address with only blank filters is not filtered", () => {
    expect(historyQueryInput({ q: "", notify_way: [""] }).filtered).toBe(false);
  });
});

describe("historyWatch", () => {
  const record = (status: string, scheduled_at: string | null = null) =>
    ({ status, scheduled_at }) as Parameters<typeof historyWatch>[0][number];

  it("watches a push going out and the times of scheduled ones, nothing else", () => {
    expect(historyWatch([])).toEqual({ going: false, due: [] });
    expect(historyWatch([record("sent"), record("failed"), record("unknown")])).toEqual({ going: false, due: [] });
    expect(historyWatch([record("pending")]).going).toBe(true);
    expect(historyWatch([record("scheduled", "2026-12-01T00:00:00.000Z"), record("cancelled", "2026-12-02T00:00:00.000Z")])).toEqual({
      going: false,
      due: ["2026-12-01T00:00:00.000Z"],
    });
    // Held for approval: its time is the approver's business, not a reason to look again.
    expect(historyWatch([record("pending_approval", "2026-12-01T00:00:00.000Z")]).due).toEqual([]);
  });
});
