import { beforeEach, describe, expect, it, vi } from "vitest";

// /api/ready's check: the vendor is asked at most once per interval, whatever the number of callers.

let calls = 0;
let failWith: Error | undefined;
vi.mock("@/lib/server/chuanbo-client", () => ({
  groupList: async () => {
    calls++;
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (failWith) throw failWith;
    return { data: { records: [], total: 0, size: 1, current: 1, pages: 0 } };
  },
}));

const { READY_CHECK_INTERVAL_MS, upstreamReadiness } = await import("@/lib/server/readiness");
const { logger } = await import("@/lib/server/log");

let now = 1_000_000;
beforeEach(() => {
  calls = 0;
  failWith = undefined;
  // Each test starts well past the previous one's checks.
  now += 100 * READY_CHECK_INTERVAL_MS;
});

describe("upstream readiness", () => {
  it("shares one check among twenty concurrent callers", async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => upstreamReadiness(now)));
    expect(calls).toBe(1);
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toMatchObject({ ready: true });
  });

  it.each([
    [0, 0],
    [1, 0],
    [READY_CHECK_INTERVAL_MS - 1, 0],
    [READY_CHECK_INTERVAL_MS, 1],
    [10 * READY_CHECK_INTERVAL_MS, 1],
  ])("asked again %i ms later: %i more calls", async (later, more) => {
    await upstreamReadiness(now);
    calls = 0;
    await upstreamReadiness(now + later);
    expect(calls).toBe(more);
  });

  it("keeps a failure for the interval too, so a down vendor is not hammered; the reason goes to the log only", async () => {
    failWith = new Error("vendor down");
    const warn = vi.spyOn(logger(), "warn").mockImplementation(() => undefined);
    const first = await upstreamReadiness(now);
    expect(first).toEqual({ ready: false, checkedAt: new Date(now).toISOString() });
    expect(Object.values(first).join(" ")).not.toContain("vendor down");
    expect(JSON.stringify(warn.mock.calls)).toContain("vendor down");
    failWith = undefined;
    expect(await upstreamReadiness(now + 1000)).toMatchObject({ ready: false });
    expect(await upstreamReadiness(now + READY_CHECK_INTERVAL_MS)).toMatchObject({ ready: true });
    expect(calls).toBe(2);
    warn.mockRestore();
  });
});
