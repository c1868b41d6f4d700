import { describe, expect, it } from "vitest";
import { mayConfirm, preflightView, stopsAtComposer, type PreflightState } from "@/lib/compose/preflight";
import type { Preflight } from "@/lib/validations/push-record";

// The composer's reading of POST /api/pushes/preflight: when it may confirm, when it stops at the form.

const reach = { reach: 26_704, incomplete: false };
const send: Preflight = { decision: "send", reasons: [], reach };
const hold: Preflight = { decision: "hold", reasons: ["预计触达 26,704 人，达到审批线 20,000 人"], reach };
const overCeiling: Preflight = { decision: "refuse", reasons: ["超过上限"], reach, code: "reach_exceeded" };
const overCap: Preflight = { decision: "refuse", reasons: ["每人每小时最多"], reach, code: "push_rate_limited" };
const missing: Preflight = {
  decision: "refuse",
  reasons: ["用户组不存在"],
  reach: null,
  code: "invalid_request",
  fields: { chuanbo_group: "x" },
};
const quiet: Preflight = { decision: "refuse", reasons: ["免打扰"], reach: null, code: "quiet_hours" };
const tooSoon: Preflight = { decision: "refuse", reasons: ["太早"], reach: null, code: "invalid_request", fields: { scheduled_at: "x" } };

const state = (patch: Partial<PreflightState>): PreflightState => ({
  asked: true,
  stale: false,
  pending: false,
  data: undefined,
  error: null,
  ...patch,
});

describe("preflightView", () => {
  it("says nothing before groups are chosen, whatever an old answer said", () => {
    for (const data of [send, hold, overCeiling, undefined]) {
      const view = preflightView(state({ asked: false, data }));
      expect(view).toEqual({ checking: false, verdict: null });
    }
  });

  it.each([
    ["send", send, "send", true, false],
    ["hold", hold, "hold", true, false],
    ["over the reach ceiling", overCeiling, "refuse", false, true],
    ["over the hourly cap", overCap, "refuse", false, true],
    ["a group that does not exist", missing, "refuse", false, true],
    // The 发送时间 section tells these and offers the way out; the dialog still cannot confirm them.
    ["inside 免打扰 without a reason", quiet, "refuse", false, false],
    ["a time too soon", tooSoon, "refuse", false, false],
  ] as const)("%s: %s, confirm %s, stops at the composer %s", (_name, data, kind, confirm, stops) => {
    const view = preflightView(state({ data }));
    expect(view.verdict?.kind).toBe(kind);
    expect(mayConfirm(view)).toBe(confirm);
    expect(stopsAtComposer(view)).toBe(stops);
  });

  it("never confirms on an answer for another draft, nor while the first answer is out", () => {
    for (const patch of [{ stale: true, data: send }, { pending: true }, { stale: true, data: hold }, { stale: true }]) {
      const view = preflightView(state(patch));
      expect(view.checking).toBe(true);
      expect(mayConfirm(view)).toBe(false);
      // A refusal for the draft before does not stop the new one at the composer.
      expect(stopsAtComposer(preflightView(state({ ...patch, data: overCeiling })))).toBe(false);
    }
  });

  it("a failed preflight leaves the decision to the server at 确认", () => {
    const view = preflightView(state({ error: new Error("连不上控制台服务器") }));
    expect(view.verdict).toEqual({ kind: "unavailable", message: "连不上控制台服务器" });
    expect(mayConfirm(view)).toBe(true);
    expect(stopsAtComposer(view)).toBe(false);
  });
});
