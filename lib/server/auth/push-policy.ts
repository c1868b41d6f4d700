import "server-only";
import type { AuditInput } from "@/lib/server/audit";
import { recordAudit } from "@/lib/server/audit";
import { serverConfig } from "@/lib/server/config";
import { groupsByIds } from "@/lib/server/group-index";
import { apiError } from "@/lib/server/http";
import { options } from "@/lib/server/options";
import type { PushStore } from "@/lib/server/push-store";
import type { Options } from "@/lib/validations/options";
import { NOTIFY_WAY_LABELS, type Push } from "@/lib/validations/push";
import { recordedReach } from "@/lib/compose/reach";
import type { PushRecord, Reach } from "@/lib/validations/push-record";

// What a new push must pass before it is recorded: the per-user hourly cap, the per-push reach
// ceiling, and the approval (审批) policy that holds it for a supervisor instead of sending it.

/** Who sends, for the record and the audit log. */
export type PushActor = { username: string; ip: string | null };

export type PolicyLimits = {
  pushesPerUserPerHour: number;
  maxReachPerPush: number;
  approval: Options["approval"];
};

export type PolicyInput = {
  push: Push;
  isTest: boolean;
  /** undefined: the groups could not be read, so nobody knows how many it reaches. */
  reach: Reach | undefined;
  /** The user's real pushes in the past hour. */
  recentCount: number;
};

export type Verdict =
  | { kind: "over_hourly_cap"; limit: number }
  | { kind: "over_reach_ceiling"; reach: number; limit: number }
  | { kind: "hold"; reasons: string[] }
  | { kind: "send" };

/**
 * Pure: the decision for one new push. A test send goes to the newsroom's own test group: it is
 * neither capped nor held. A reach that cannot be read cannot break a ceiling, but it is held for
 * approval when the policy looks at reach: unknown is not small.
 */
export function decide({ push, isTest, reach, recentCount }: PolicyInput, limits: PolicyLimits): Verdict {
  if (isTest) return { kind: "send" };
  if (recentCount >= limits.pushesPerUserPerHour) return { kind: "over_hourly_cap", limit: limits.pushesPerUserPerHour };
  const known = reach?.reach ?? 0;
  if (known > limits.maxReachPerPush) return { kind: "over_reach_ceiling", reach: known, limit: limits.maxReachPerPush };
  const reasons: string[] = [];
  const { minReach, notifyWays } = limits.approval;
  if (notifyWays.includes(push.notify_way)) reasons.push(`${NOTIFY_WAY_LABELS[push.notify_way]}须经审批`);
  if (minReach !== undefined) {
    if (reach === undefined) reasons.push("暂时无法核实触达人数");
    else if (known >= minReach) reasons.push(`预计触达 ${known} 人，达到审批线 ${minReach} 人`);
  }
  return reasons.length > 0 ? { kind: "hold", reasons } : { kind: "send" };
}

/** 最多约 N 人 for a push, from the group index; undefined when the groups cannot be read now. */
export function pushReach(push: Push): Promise<Reach | undefined> {
  return groupsByIds(push.chuanbo_group).then(
    (groups) => recordedReach(push.chuanbo_group.map((id) => groups.get(id))),
    () => undefined,
  );
}

/** The audit entry's common part for a push. */
export function auditOf(record: PushRecord, actor: PushActor): Omit<AuditInput, "action"> & { details: Record<string, unknown> } {
  return {
    actor: actor.username,
    ip: actor.ip,
    target: record.id,
    details: {
      name: record.name,
      notify_way: record.notify_way,
      chuanbo_group: record.chuanbo_group,
      reach: record.reach,
      is_test: record.is_test,
      sent_by: record.sent_by,
      ...(record.approved_by ? { approved_by: record.approved_by } : {}),
    },
  };
}

/** Applies the limits (refusing with 429 / 422, audited) or says whether to hold the push for approval. */
export async function applyPushPolicy(
  store: PushStore,
  push: Push,
  { test, actor }: { test: boolean; actor: PushActor },
): Promise<Response | { held: boolean; reach: Reach | undefined }> {
  const { limits } = serverConfig();
  const [reach, recentCount] = await Promise.all([
    pushReach(push),
    store.countSentBy(actor.username, new Date(Date.now() - 3_600_000)),
  ]);
  const verdict = decide({ push, isTest: test, reach, recentCount }, { ...limits, approval: options().approval });
  const refuse = (status: number, code: string, message: string) => {
    recordAudit({
      actor: actor.username,
      ip: actor.ip,
      action: "push_limited",
      target: null,
      details: { code, name: push.name, notify_way: push.notify_way, chuanbo_group: push.chuanbo_group, reach: reach?.reach ?? null, recent: recentCount },
    });
    return apiError(status, code, message);
  };
  switch (verdict.kind) {
    case "over_hourly_cap":
      return refuse(
        429,
        "push_rate_limited",
        `每人每小时最多发送 ${verdict.limit} 条推送，你在过去一小时内已经发了 ${recentCount} 条，本条没有发送。请稍后再发；确有急需，请联系管理员调整上限。`,
      );
    case "over_reach_ceiling":
      return refuse(
        422,
        "reach_exceeded",
        `这条推送预计触达 ${verdict.reach} 人，超过了单条推送 ${verdict.limit} 人的上限，本条没有发送。请减少用户组后分批发送；确有需要，请联系管理员调整上限。`,
      );
    case "hold":
      return { held: true, reach };
    case "send":
      return { held: false, reach };
  }
}
