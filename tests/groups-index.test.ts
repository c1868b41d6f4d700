import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { resetProcessSingleton } from "@/lib/server/singleton";
import type { GroupPage } from "@/lib/validations/group";

// allGroups against a fake upstream and a real SQLite file: every page fetched, within the
// concurrency, once at a time, served stale while refreshed, kept across a restart.

const calls: Array<{ current: number; size: number }> = [];
let inFlight = 0;
let maxInFlight = 0;
let total = 25;
let failing = false;
/** The back-off this console is configured with (GROUPS_FAILURE_BACKOFF_MS). */
const FAILURE_BACKOFF_MS = 7_000;
const dir = mkdtempSync(path.join(tmpdir(), "groups-index-"));
const upstream = { mode: "configured", baseUrl: "https://vendor.example", connectNo: "c1" };

vi.mock("@/lib/server/config", () => ({
  requireAuthSecret: () => "groups-index-test-secret-0123456789",
  serverConfig: () => ({
    groupsFetchPageSize: 4,
    groupsFetchConcurrency: 2,
    groupsFailureBackoffMs: FAILURE_BACKOFF_MS,
    groupsCacheTtlMs: 60_000,
    upstream,
    databasePath: path.join(dir, "console.sqlite"),
  }),
}));
vi.mock("@/lib/server/chuanbo-client", () => ({
  groupList: async ({ current, size }: { current: number; size: number }): Promise<{ data: GroupPage }> => {
    calls.push({ current, size });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 5));
    inFlight--;
    if (failing) throw new Error("upstream down");
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

const { allGroups, firstCrawl, groupIndexStatus, groupsByIds, groupsPage, REFRESH_AHEAD, REFRESH_INTERVAL_MS } =
  await import("@/lib/server/group-index");

// A fake clock (Date only; the fake upstream's own delays are real): each test starts long after the last.
vi.useFakeTimers({ toFake: ["Date"] });
let clock = Date.parse("2026-11-29T00:00:00Z");
const advance = (ms: number) => vi.setSystemTime((clock += ms));
afterAll(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});
/** Until the background crawl (if any) has ended; then it made this many calls. Polls on real timers, leaving the clock alone. */
async function settled(n: number) {
  await new Promise((resolve) => setTimeout(resolve, 1));
  for (let i = 0; i < 500 && (await groupIndexStatus()).crawling; i++) await new Promise((resolve) => setTimeout(resolve, 2));
  expect((await groupIndexStatus()).crawling).toBeNull();
  expect(calls).toHaveLength(n);
}

beforeEach(() => {
  advance(3_600_000);
  calls.length = 0;
  maxInFlight = 0;
});

/** A fresh index on upstream `connectNo`, whose vendor fails until the test sets `failing` false. */
async function withVendorDown(connectNo: string, test: () => Promise<void>) {
  resetProcessSingleton("group-index");
  upstream.connectNo = connectNo;
  failing = true;
  try {
    await test();
  } finally {
    failing = false;
    upstream.connectNo = "c1";
  }
}

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

  it("serves an expired list at once and refreshes it in the background", async () => {
    const before = await allGroups({ refresh: true });
    calls.length = 0;
    total = 30;
    advance(60_000);
    const stale = await allGroups();
    expect(stale.fetchedAt).toBe(before.fetchedAt);
    expect(stale.groups).toHaveLength(25);
    expect((await groupIndexStatus()).crawling).not.toBeNull();
    await settled(8);
    expect((await allGroups()).groups).toHaveLength(30);
    total = 25;
  });

  it.each([
    ["well within its life", 60_000 * (1 - REFRESH_AHEAD) - 1, 0],
    ["in the last fifth of its life", 60_000 * (1 - REFRESH_AHEAD), 7],
    ["expired long ago", 3_600_000, 7],
  ])("a search on a list %s starts %i background calls, and answers from the list it has", async (_, later, more) => {
    const before = await allGroups({ refresh: true });
    calls.length = 0;
    advance(later);
    expect((await allGroups()).fetchedAt).toBe(before.fetchedAt);
    await settled(more);
  });

  it("keeps the last list when a background crawl fails, and tries again no sooner than the interval", async () => {
    const before = await allGroups({ refresh: true });
    calls.length = 0;
    failing = true;
    advance(60_000);
    expect((await allGroups()).fetchedAt).toBe(before.fetchedAt);
    await settled(1);
    advance(REFRESH_INTERVAL_MS - 1);
    expect((await allGroups()).fetchedAt).toBe(before.fetchedAt);
    expect(calls).toHaveLength(1);
    failing = false;
    advance(1);
    await allGroups();
    await settled(8);
    expect((await allGroups()).fetchedAt).not.toBe(before.fetchedAt);
  });

  it("a restarted process serves the stored list at once, and only this upstream's", async () => {
    const before = await allGroups({ refresh: true });
    resetProcessSingleton("group-index");
    calls.length = 0;
    expect(await groupIndexStatus()).toEqual({ ready: true, fetchedAt: before.fetchedAt, crawling: null });
    expect(await allGroups()).toEqual(before);
    expect(calls).toHaveLength(0);

    resetProcessSingleton("group-index");
    upstream.connectNo = "another";
    expect((await groupIndexStatus()).ready).toBe(false);
    await allGroups();
    expect(calls).toHaveLength(7);
    upstream.connectNo = "c1";
  });

  it("reports the first crawl's progress, and that the list is ready after it", async () => {
    resetProcessSingleton("group-index");
    upstream.connectNo = "fresh";
    expect(await groupIndexStatus()).toEqual({ ready: false, fetchedAt: null, crawling: null });
    const seen: number[] = [];
    const crawl = allGroups();
    const watch = setInterval(async () => {
      const crawling = (await groupIndexStatus()).crawling;
      // Before the first page answers, the total is not known yet: 0 of 0.
      if (crawling && crawling.total > 0) {
        expect(crawling.total).toBe(25);
        seen.push(crawling.fetched);
      } else if (crawling) expect(crawling.fetched).toBe(0);
    }, 1);
    const { fetchedAt } = await crawl;
    clearInterval(watch);
    upstream.connectNo = "c1";
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(4);
    expect(Math.max(...seen)).toBeLessThanOrEqual(25);
    expect(await groupIndexStatus()).toEqual({ ready: true, fetchedAt, crawling: null });
  });

  it("the groups page's first crawl: started without waiting, its failure said to every visitor until the back-off or a refresh", async () => {
    await withVendorDown("first-crawl", async () => {
      expect(await firstCrawl()).toEqual({ crawling: { fetched: 0, total: 0 } });
      // A second visitor meanwhile joins the same crawl.
      expect(await firstCrawl()).toMatchObject({ crawling: {} });
      await settled(1);
      // Both visitors, polling as often as they like within the back-off, see the failure; no crawl starts.
      failing = false;
      for (let i = 0; i < 4; i++) {
        expect(await firstCrawl()).toEqual({ failed: new Error("upstream down") });
        expect(await firstCrawl()).toEqual({ failed: new Error("upstream down") });
        advance((FAILURE_BACKOFF_MS - 1) / 4);
      }
      expect((await groupIndexStatus()).crawling).toBeNull();
      expect(calls).toHaveLength(1);
      // Past the back-off, the next visit starts another crawl, which succeeds.
      advance(1);
      expect(await firstCrawl()).toMatchObject({ crawling: {} });
      await settled(8);
      expect(await firstCrawl()).toEqual({ ready: true });
    });
  });

  it("重试 after a failed first crawl starts a new one at once (a refresh), within the back-off", async () => {
    await withVendorDown("first-crawl-retry", async () => {
      expect(await firstCrawl()).toMatchObject({ crawling: {} });
      await settled(1);
      expect(await firstCrawl()).toEqual({ failed: new Error("upstream down") });
      failing = false;
      expect((await allGroups({ refresh: true })).groups).toHaveLength(25);
      expect(calls).toHaveLength(8);
      expect(await firstCrawl()).toEqual({ ready: true });
    });
  });

  it("a search after a failed first crawl says the failure within the back-off, and starts no crawl until then", async () => {
    await withVendorDown("first-crawl-search", async () => {
      await expect(groupsPage({ current: 1, size: 10, q: "g1" })).rejects.toThrow("upstream down");
      expect(calls).toHaveLength(1);
      failing = false;
      // Typed on, within the back-off: the same failure, and the vendor is not asked again.
      advance(FAILURE_BACKOFF_MS - 1);
      await expect(groupsPage({ current: 1, size: 10, q: "g2" })).rejects.toThrow("upstream down");
      await expect(groupsByIds([1])).rejects.toThrow("upstream down");
      expect(calls).toHaveLength(1);
      // After it, a search crawls again and finds.
      advance(1);
      expect((await groupsPage({ current: 1, size: 10, q: "g2" })).records.map((g) => g.title)).toContain("g2");
      expect(calls).toHaveLength(8);
    });
  });

  it("the send policy's lookup does not decide on a kept failure: it fetches again within the back-off", async () => {
    await withVendorDown("first-crawl-policy", async () => {
      await expect(groupsByIds([1, 2])).rejects.toThrow("upstream down");
      failing = false;
      expect([...(await groupsByIds([1, 2], { despiteFailure: true })).keys()]).toEqual([1, 2]);
      expect(calls).toHaveLength(8);
    });
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
