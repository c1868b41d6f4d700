import { describe, expect, it } from "vitest";
import { decide, type PolicyInput, type PolicyLimits } from "@/lib/server/pushes/policy";
import type { Push } from "@/lib/validations/push";

const voice: Push = { name: "语音", section_id: 90, chuanbo_type_id: 38, notify_way: 3, chuanbo_group: [1, 2], voice_content: "请注意。" };
const sms: Push = {
  name: "短信",
  section_id: 90,
  chuanbo_type_id: 38,
  notify_way: 2,
  chuanbo_group: [1],
  msg_sign_id: 50,
  msg_template: "请注意。",
};
const limits: PolicyLimits = {
  pushesPerUserPerHour: 5,
  maxReachPerPush: 50_000,
  approval: { minReach: 20_000, notifyWays: [], windowMinutes: 60 },
};
const reach = (n: number | null, incomplete = false) => ({ reach: n, incomplete });
const input = (over: Partial<PolicyInput>): PolicyInput => ({
  push: voice,
  isTest: false,
  reach: reach(10),
  recentCount: 0,
  windowReach: 0,
  ...over,
});

describe("business limits and the approval policy", () => {
  it("sends an ordinary push", () => {
    expect(decide(input({ reach: reach(1200) }), limits)).toEqual({ kind: "send" });
  });

  it("refuses the push past the hourly cap, counting only real pushes of this user", () => {
    expect(decide(input({ recentCount: 4 }), limits).kind).toBe("send");
    expect(decide(input({ recentCount: 5 }), limits)).toEqual({ kind: "over_hourly_cap", limit: 5 });
    expect(decide(input({ recentCount: 500 }), limits)).toEqual({ kind: "over_hourly_cap", limit: 5 });
  });

  it("refuses a push above the reach ceiling, even one approval would hold", () => {
    expect(decide(input({ reach: reach(50_001) }), limits)).toEqual({ kind: "over_reach_ceiling", reach: 50_001, limit: 50_000 });
    expect(decide(input({ reach: reach(50_000) }), limits).kind).toBe("hold");
    // The known part alone already breaks it: unknown groups can only add.
    expect(decide(input({ reach: reach(50_001, true) }), limits).kind).toBe("over_reach_ceiling");
  });

  it("holds a push at or above the reach threshold, and one whose reach cannot be read", () => {
    expect(decide(input({ reach: reach(19_999) }), limits).kind).toBe("send");
    expect(decide(input({ reach: reach(20_000) }), limits)).toEqual({
      kind: "hold",
      reasons: ["预计触达 20,000 人，达到审批线 20,000 人"],
    });
    expect(decide(input({ reach: undefined }), limits)).toEqual({ kind: "hold", reasons: ["暂时无法核实触达人数"] });
  });

  it("counts unknown 人数 as unknown, never as 0: held whenever minReach is set", () => {
    for (const [known, incomplete] of [
      [null, true],
      [0, true],
      [4_977, true],
      [19_999, true],
    ] as const) {
      const verdict = decide(input({ reach: reach(known, incomplete) }), limits);
      expect(verdict.kind, `${known}`).toBe("hold");
      expect(verdict.kind === "hold" && verdict.reasons[0]).toMatch(/^人数未知：.*审批线 20,000 人/);
    }
    expect(decide(input({ reach: reach(4_977, true) }), limits)).toEqual({
      kind: "hold",
      reasons: ["人数未知：部分用户组没有人数，无法确认是否达到审批线 20,000 人（已知部分约 4,977 人）"],
    });
    // Without a reach line there is nothing to hold it for.
    const noLine = { ...limits, approval: { notifyWays: [], windowMinutes: 60 } };
    expect(decide(input({ reach: reach(null, true) }), noLine).kind).toBe("send");
  });

  it("counts what the same editor sent without approval in the window toward the line", () => {
    expect(decide(input({ reach: reach(4_900), windowReach: 14_700 }), limits).kind).toBe("send");
    expect(decide(input({ reach: reach(4_900), windowReach: 19_600 }), limits)).toEqual({
      kind: "hold",
      reasons: ["本人 60 分钟内未经审批已发出约 19,600 人，加上本条约 24,500 人，达到审批线 20,000 人"],
    });
    expect(decide(input({ reach: reach(1), windowReach: 19_999 }), limits).kind).toBe("hold");
    expect(decide(input({ reach: reach(0), windowReach: 19_999 }), limits).kind).toBe("send");
    // The window in the reason is the configured one.
    const short = { ...limits, approval: { minReach: 100, notifyWays: [], windowMinutes: 15 } };
    expect(decide(input({ reach: reach(60), windowReach: 40 }), short)).toEqual({
      kind: "hold",
      reasons: ["本人 15 分钟内未经审批已发出约 40 人，加上本条约 100 人，达到审批线 100 人"],
    });
  });

  it("holds every push on a channel the policy names", () => {
    const bySms = { ...limits, approval: { notifyWays: [2 as const], windowMinutes: 60 } };
    expect(decide(input({ push: sms, reach: reach(3) }), bySms)).toEqual({ kind: "hold", reasons: ["短信推送须经审批"] });
    expect(decide(input({ reach: reach(3), windowReach: 1_000_000 }), bySms).kind).toBe("send");
  });

  it("lets a test send to the newsroom's own test group through, uncapped and unheld", () => {
    expect(decide(input({ isTest: true, reach: undefined, recentCount: 99, windowReach: 1_000_000 }), limits)).toEqual({ kind: "send" });
    expect(decide(input({ isTest: true, reach: reach(null, true) }), limits)).toEqual({ kind: "send" });
  });
});
