import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { GroupPage } from "@/lib/validations/group";

// allGroups against a fake upstream: every page fetched, within the concurrency, once at a time, cached.

const calls: Array<{ current: number; size: number }> = [];
let inFlight = 0;
let maxInFlight = 0;
let total = 25;

vi.mock("@/lib/server/config", () => ({
  serverConfig: () => ({ groupsFetchPageSize: 4, groupsFetchConcurrency: 2, groupsCacheTtlMs: 60_000 }),
}));
vi.mock("@/lib/server/chuanbo-client", () => ({
  groupList: async ({ current, size }: { current: number; size: number }): Promise<{ data: GroupPage }> => {
    calls.push({ current, size });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 5));
    inFlight--;
    const ids = Array.from({ length: total }, (_, i) => i + 1).slice((current - 1) * size, current * size);
    return {
      data: {
        records: ids.map((id) => ({
          id,
          title: `g${id}`,
          type: 1,
          department: null,
          status: 1,
          operate_time: null,
          operator: null,
          tags: [],
          pnum: null,
        })),
        total,
        size,
        current,
        pages: Math.ceil(total / size),
      },
    };
  },
}));

const { allGroups, groupsByIds, groupsPage, REFRESH_INTERVAL_MS } = await import("@/lib/server/group-index");

// A fake clock (Date only; the fake upstream's own delays are real): each test starts long after the last.
vi.useFakeTimers({ toFake: ["Date"] });
let clock = Date.parse("2026-11-29T00:00:00Z");
const advance = (ms: number) => vi.setSystemTime((clock += ms));
afterAll(() => vi.useRealTimers());

beforeEach(() => {
  advance(3_600_000);
  calls.length = 0;
  maxInFlight = 0;
});

describe("the whole group list", () => {
  it("fetches every page with the configured size and bounded concurrency, shared by concurrent callers", async () => {
    const [a, b] = await Promise.all([allGroups({ refresh: true }), allGroups({ refresh: true })]);
    expect(a.groups.map((g) => g.id)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(b).toEqual(a);
    expect(calls.map((c) => c.current).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(calls.map((c) => c.size))).toEqual(new Set([4]));
    expect(maxInFlight).toBeLessThanOrEqual(2);
    expect(Date.parse(a.fetchedAt)).not.toBeNaN();
  });

  it("answers from the cache until asked to refresh", async () => {
    await allGroups({ refresh: true });
    calls.length = 0;
    total = 30;
    expect((await allGroups()).groups).toHaveLength(25);
    expect(calls).toHaveLength(0);
    advance(REFRESH_INTERVAL_MS);
    expect((await allGroups({ refresh: true })).groups).toHaveLength(30);
    total = 25;
  });

  it("shares refreshes: twenty at once and twenty more within the interval make one crawl", async () => {
    const first = await Promise.all(Array.from({ length: 20 }, () => allGroups({ refresh: true })));
    for (let i = 0; i < 20; i++) {
      advance(REFRESH_INTERVAL_MS / 25);
      expect((await allGroups({ refresh: true })).fetchedAt).toBe(first[0]!.fetchedAt);
    }
    expect(calls).toHaveLength(7);
    expect(new Set(first.map((answer) => answer.fetchedAt)).size).toBe(1);
  });

  it.each([
    [0, 0],
    [REFRESH_INTERVAL_MS - 1, 0],
    [REFRESH_INTERVAL_MS, 7],
    [59_000, 7],
  ])("a refresh %i ms after the last crawl ended makes %i more calls", async (later, more) => {
    await allGroups({ refresh: true });
    calls.length = 0;
    advance(later);
    await allGroups({ refresh: true });
    expect(calls).toHaveLength(more);
  });

  it("fetches an expired list without being asked, even within the refresh interval", async () => {
    await allGroups({ refresh: true });
    calls.length = 0;
    advance(60_000);
    await allGroups();
    expect(calls).toHaveLength(7);
  });

  it("finds groups by id, and pages search results with fetchedAt", async () => {
    await allGroups({ refresh: true });
    const found = await groupsByIds([3, 99, 7]);
    expect([...found.keys()].sort()).toEqual([3, 7]);
    const page = await groupsPage({ current: 2, size: 2, q: "g1" });
    // g1, g10..g19: 11 matches
    expect(page).toMatchObject({ total: 11, pages: 6, current: 2, size: 2 });
    expect(page.records.map((g) => g.id)).toEqual([11, 12]);
    expect(page.fetchedAt).toBeDefined();
  });

  it("passes a plain page straight through to the upstream", async () => {
    const page = await groupsPage({ current: 3, size: 4 });
    expect(calls).toEqual([{ current: 3, size: 4 }]);
    expect(page.fetchedAt).toBeUndefined();
  });
});
