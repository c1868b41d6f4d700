import { describe, expect, it } from "vitest";
import { decide, type PolicyLimits } from "@/lib/server/auth/push-policy";
import type { Push } from "@/lib/validations/push";

const voice: Push = { name: "语音", section_id: 90, chuanbo_type_id: 38, notify_way: 3, chuanbo_group: [1, 2], voice_content: "请注意。" };
const sms: Push = { name: "短信", section_id: 90, chuanbo_type_id: 38, notify_way: 2, chuanbo_group: [1], msg_sign_id: 50, msg_template: "请注意。" };
const limits: PolicyLimits = { pushesPerUserPerHour: 5, maxReachPerPush: 50_000, approval: { minReach: 20_000, notifyWays: [], windowMinutes: 60 } };
const reach = (n: number | null, incomplete = false) => ({ reach: n, incomplete });

describe("business limits and the approval policy", () => {
  it("sends an ordinary push", () => {
    expect(decide({ push: voice, isTest: false, reach: reach(1200), recentCount: 0 }, limits)).toEqual({ kind: "send" });
  });

  it("refuses the push past the hourly cap, counting only real pushes of this user", () => {
    expect(decide({ push: voice, isTest: false, reach: reach(10), recentCount: 4 }, limits).kind).toBe("send");
    expect(decide({ push: voice, isTest: false, reach: reach(10), recentCount: 5 }, limits)).toEqual({ kind: "over_hourly_cap", limit: 5 });
  });

  it("refuses a push above the reach ceiling, even one approval would hold", () => {
    expect(decide({ push: voice, isTest: false, reach: reach(50_001), recentCount: 0 }, limits)).toEqual({
      kind: "over_reach_ceiling",
      reach: 50_001,
      limit: 50_000,
    });
    expect(decide({ push: voice, isTest: false, reach: reach(50_000), recentCount: 0 }, limits).kind).toBe("hold");
  });

  it("holds a push at or above the reach threshold, and one whose reach cannot be read", () => {
    expect(decide({ push: voice, isTest: false, reach: reach(19_999), recentCount: 0 }, limits).kind).toBe("send");
    expect(decide({ push: voice, isTest: false, reach: reach(20_000), recentCount: 0 }, limits)).toEqual({
      kind: "hold",
      reasons: ["预计触达 20000 人，达到审批线 20000 人"],
    });
    expect(decide({ push: voice, isTest: false, reach: undefined, recentCount: 0 }, limits)).toEqual({ kind: "hold", reasons: ["暂时无法核实触达人数"] });
    // Groups without a count add nothing known: the known sum decides.
    expect(decide({ push: voice, isTest: false, reach: reach(null, true), recentCount: 0 }, limits).kind).toBe("send");
  });

  it("holds every push on a channel the policy names", () => {
    const bySms = { ...limits, approval: { notifyWays: [2 as const], windowMinutes: 60 } };
    expect(decide({ push: sms, isTest: false, reach: reach(3), recentCount: 0 }, bySms)).toEqual({ kind: "hold", reasons: ["短信推送须经审批"] });
    expect(decide({ push: voice, isTest: false, reach: reach(3), recentCount: 0 }, bySms).kind).toBe("send");
  });

  it("lets a test send to the newsroom's own test group through, uncapped and unheld", () => {
    expect(decide({ push: voice, isTest: true, reach: undefined, recentCount: 99 }, limits)).toEqual({ kind: "send" });
  });
});
