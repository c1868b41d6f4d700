import { describe, expect, it } from "vitest";
import { historyWatch } from "@/lib/pushes/history-search";

// When /history looks again by itself.
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
