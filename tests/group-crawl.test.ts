import { describe, expect, it } from "vitest";
import { crawlPages, nextConcurrency } from "@/lib/server/group-crawl";

// Crawl concurrency chosen from the vendor's observed latency, within the configured maximum.

describe("nextConcurrency", () => {
  it.each([
    // current, max, fastest, latest, growth → next
    [1, 8, 150, 150, "fast", 2],
    [7, 8, 150, 160, "fast", 8],
    [8, 8, 150, 150, "fast", 8],
    [4, 8, 150, 150, "slow", 4.25], // one more a round of four pages
    [8, 8, 150, 302, "fast", 8], // within 2 × fastest + 2 ms
    [8, 8, 150, 303, "fast", 4], // slower than that: the vendor strains, halve
    [1, 8, 150, 10_000, "fast", 1],
    [3, 8, 0.2, 2.5, "fast", 1.5], // loopback: a jump from 0.2 ms to 2.5 ms is a strain
    [3, 8, 0.2, 2.0, "fast", 4], // …but jitter within 2 ms is not
    [20, 4, 150, 150, "fast", 4], // a lowered maximum applies at once
    [20, 4, 150, 1000, "fast", 2],
    [5, 0, 150, 150, "fast", 1],
    [5, -3, 150, 150, "fast", 1],
    [5, Number.NaN, 150, 150, "fast", 1],
    [5, Infinity, 150, 150, "fast", 1],
    [0, 8, 150, 150, "fast", 2],
    [Number.NaN, 8, 150, 150, "fast", 2],
    [4, 8, Number.NaN, 150, "fast", 4],
    [4, 8, 150, Number.NaN, "fast", 4],
    [4, 8, 150, -1, "fast", 4],
    [4, 8, Infinity, 150, "fast", 4],
  ] as const)("at %f of %f, fastest %f ms, latest %f ms, growing %s → %f", (current, max, fastest, latest, growth, next) => {
    expect(nextConcurrency(current, max, fastest, latest, growth)).toBe(next);
  });
});

/** A fake vendor: each page takes `latency(inFlight)` ms of a fake clock; pages resolve in order of their finish time. */
function fakeVendor(latency: (inFlight: number) => number) {
  let clock = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const pending: Array<{ at: number; resolve: () => void }> = [];
  // Settles the earliest page once everything launched in this turn has been queued.
  const tick = () =>
    setImmediate(() => {
      pending.sort((a, b) => a.at - b.at);
      const next = pending.shift();
      if (!next) return;
      clock = Math.max(clock, next.at);
      inFlight--;
      next.resolve();
      if (pending.length) tick();
    });
  return {
    now: () => clock,
    stats: () => ({ maxInFlight }),
    fetchPage: (current: number) =>
      new Promise<number>((resolve) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        pending.push({ at: clock + latency(inFlight), resolve: () => resolve(current * 10) });
        if (pending.length === 1) tick();
      }),
  };
}

describe("crawlPages", () => {
  it("reads every page once, and grows to the maximum against a vendor that keeps its pace", async () => {
    const vendor = fakeVendor(() => 150);
    const { results, concurrency } = await crawlPages({ pages: 60, maxConcurrency: 8, fetchPage: vendor.fetchPage, now: vendor.now });
    expect([...results.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 59 }, (_, i) => i + 2));
    expect(results.get(17)).toBe(170);
    expect(concurrency).toBe(8);
    expect(vendor.stats().maxInFlight).toBe(8);
  });

  it("stays low against a vendor that slows down with load", async () => {
    // 100 ms alone, and 150 ms more for each request beyond two at once.
    const vendor = fakeVendor((n) => 100 + Math.max(0, n - 2) * 150);
    const { concurrency } = await crawlPages({ pages: 40, maxConcurrency: 16, fetchPage: vendor.fetchPage, now: vendor.now });
    expect(concurrency).toBeLessThanOrEqual(3);
    // Growing by one a page overshoots once before the first slow answers come back.
    expect(vendor.stats().maxInFlight).toBeLessThanOrEqual(6);
  });

  it("never exceeds the maximum, even when told to start above it", async () => {
    const vendor = fakeVendor(() => 5);
    await crawlPages({ pages: 30, maxConcurrency: 2, start: 9, fetchPage: vendor.fetchPage, now: vendor.now });
    expect(vendor.stats().maxInFlight).toBeLessThanOrEqual(2);
  });

  it("resolves at once with one page, and rejects with the first failure", async () => {
    expect((await crawlPages({ pages: 1, maxConcurrency: 4, fetchPage: () => Promise.resolve(1) })).results.size).toBe(0);
    let calls = 0;
    const failing = crawlPages({
      pages: 20,
      maxConcurrency: 4,
      fetchPage: async (current) => {
        calls++;
        if (current === 3) throw new Error("page 3 failed");
        return current;
      },
    });
    await expect(failing).rejects.toThrow("page 3 failed");
    expect(calls).toBeLessThan(20);
  });
});
