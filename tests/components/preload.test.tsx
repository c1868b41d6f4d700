import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { preloadWhenIdle } from "@/components/ui/preload";

// Code fetched ahead of need: nothing while the page is busy, then one module each time the browser
// is idle, so that their running never adds up to one long task; a failure does not stop the rest,
// and a page that went away stops them.

let idle: Array<() => void> = [];
const runIdle = async () => {
  const due = idle;
  idle = [];
  for (const callback of due) callback();
  // Let the loaders' promises settle, as the browser would before it is idle again.
  await new Promise((resolve) => setTimeout(resolve, 0));
};

beforeEach(() => {
  idle = [];
  vi.stubGlobal("requestIdleCallback", (callback: () => void) => idle.push(callback));
});
afterEach(() => vi.unstubAllGlobals());

function loaders(count: number, failing: number[] = []) {
  const started: number[] = [];
  const list = Array.from({ length: count }, (_, i) => async () => {
    started.push(i);
    if (failing.includes(i)) throw new Error("offline");
  });
  return { started, list };
}

describe("preloadWhenIdle", () => {
  it("starts nothing until the browser is idle, then one module per idle moment", async () => {
    const { started, list } = loaders(3);
    preloadWhenIdle(list);
    expect(started).toEqual([]);
    await runIdle();
    expect(started).toEqual([0]);
    await runIdle();
    expect(started).toEqual([0, 1]);
    await runIdle();
    await runIdle();
    expect(started).toEqual([0, 1, 2]);
    expect(idle).toEqual([]);
  });

  it("goes on after a module that could not be fetched", async () => {
    const { started, list } = loaders(3, [0]);
    preloadWhenIdle(list);
    for (let i = 0; i < 4; i++) await runIdle();
    expect(started).toEqual([0, 1, 2]);
  });

  it("fetches no more once stopped (the page went away)", async () => {
    const { started, list } = loaders(3);
    const stop = preloadWhenIdle(list);
    await runIdle();
    stop();
    for (let i = 0; i < 3; i++) await runIdle();
    expect(started).toEqual([0]);
  });
});
