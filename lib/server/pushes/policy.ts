import "server-only";
import { formatCount, recordedReach } from "@/lib/compose/reach";
import { recordAudit } from "@/lib/server/audit";
import { serverConfig } from "@/lib/server/config";
import { groupsByIds } from "@/lib/server/group-index";
import { apiError, invalidRequest } from "@/lib/server/http";
import { options } from "@/lib/server/options";
import { NOTIFY_WAY_LABELS, type Push } from "@/lib/validations/push";
import type { AuditDetails } from "@/lib/auth/audit-details";
import type { Actor } from "@/lib/server/actor";
import type { AuditInput } from "@/lib/server/audit";
import type { Admission, BeginResult, PushStore, RescheduleResult, SenderCounts } from "@/lib/server/pushes/store";
import type { Options } from "@/lib/validations/options";
import type { PushRecord, Reach } from "@/lib/validations/push-record";

// What a new push must pass before it is recorded: the per-user hourly cap, the per-push reach
// ceiling, and the approval (审批) policy that holds it for a supervisor instead of sending it.

export type PolicyLimits = {
  pushesPerUserPerHour: number;
  maxReachPerPush: number;
  approval: Options["approval"];
};

export type PolicyInput = {
  push: Pick<Push, "notify_way">;
  isTest: boolean;
  /** undefined: the groups could not be read, so nobody knows how many it reaches. */
  reach: Reach | undefined;
} & SenderCounts;

export type Verdict =
  | { kind: "over_hourly_cap"; limit: number }
  | { kind: "over_reach_ceiling"; reach: number; limit: number }
  | { kind: "hold"; reasons: string[] }
  | { kind: "send" };

type Refusal = Extract<Verdict, { kind: "over_hourly_cap" | "over_reach_ceiling" }>;

/**
 * Pure: the decision for one new push. A test send goes to the newsroom's own test group: it is
 * neither capped nor held. Unknown is not small: a group without 人数, or groups that cannot be read
 * now, make the reach unknown, and an unknown reach is held whenever the policy looks at reach. Only
 * the known part can break the ceiling. Splitting does not dodge the line: what the same editor sent
 * without approval in the window counts toward it.
 */
export function decide({ push, isTest, reach, recentCount, windowReach }: PolicyInput, limits: PolicyLimits): Verdict {
  if (isTest) return { kind: "send" };
  if (recentCount >= limits.pushesPerUserPerHour) return { kind: "over_hourly_cap", limit: limits.pushesPerUserPerHour };
  const known = reach?.reach ?? 0;
  if (known > limits.maxReachPerPush) return { kind: "over_reach_ceiling", reach: known, limit: limits.maxReachPerPush };
  const reasons: string[] = [];
  const { minReach, notifyWays, windowMinutes } = limits.approval;
  if (notifyWays.includes(push.notify_way)) reasons.push(`${NOTIFY_WAY_LABELS[push.notify_way]}须经审批`);
  if (minReach !== undefined) {
    const line = `审批线 ${formatCount(minReach)} 人`;
    if (reach === undefined) reasons.push("暂时无法核实触达人数");
    else if (reach.reach === null) reasons.push(`人数未知：所选用户组都没有人数，无法确认是否达到${line}`);
    else if (reach.incomplete) reasons.push(`人数未知：部分用户组没有人数，无法确认是否达到${line}（已知部分约 ${formatCount(known)} 人）`);
    else if (known >= minReach) reasons.push(`预计触达 ${formatCount(known)} 人，达到${line}`);
    else if (windowReach > 0 && known + windowReach >= minReach) {
      reasons.push(
        `本人 ${windowMinutes} 分钟内未经审批已发出约 ${formatCount(windowReach)} 人，加上本条约 ${formatCount(known + windowReach)} 人，达到${line}`,
      );
    }
  }
  return reasons.length > 0 ? { kind: "hold", reasons } : { kind: "send" };
}

/** The policy's verdict as the store's admission. */
function admission(verdict: Verdict): Admission<Refusal> {
  if (verdict.kind === "send") return { kind: "send" };
  if (verdict.kind === "hold") return { kind: "hold", reasons: verdict.reasons };
  return { kind: "refuse", refusal: verdict };
}

export type ReachLookup = { kind: "found"; reach: Reach } | { kind: "missing"; ids: number[] } | { kind: "unavailable" };

/**
 * 预计触达 N 人 for these groups, from the group index. An id missing from the cached list is looked
 * up afresh (it may be new) before it is called missing; unavailable when the groups cannot be read now.
 */
export async function lookUpReach(ids: number[]): Promise<ReachLookup> {
  try {
    // A send is judged on the groups as they are: within the back-off of a failed first fetch, fetched again.
    let found = await groupsByIds(ids, { despiteFailure: true });
    if (ids.some((id) => !found.has(id))) found = await groupsByIds(ids, { refresh: true });
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) return { kind: "missing", ids: missing };
    return { kind: "found", reach: recordedReach(ids.map((id) => found.get(id))) };
  } catch {
    return { kind: "unavailable" };
  }
}

/** 预计触达 N 人 for a push, beside its send; undefined when it cannot be told now. */
export async function pushReach(push: Push): Promise<Reach | undefined> {
  const looked = await lookUpReach(push.chuanbo_group);
  return looked.kind === "found" ? looked.reach : undefined;
}

/** A push record asked for by id that this console does not have. */
export const recordNotFound = () =>
  apiError(404, "not_found", "没有找到这条推送记录，它可能不是从这个控制台发出的。请回到推送记录列表查看。");

/** An action on a push that is not this caller's to take: on record as access_denied, answered 403 saying who may. */
export async function refusedOnPush(id: string, actor: Actor, reason: string, message: string): Promise<Response> {
  await recordAudit({ actor: actor.username, ip: actor.ip, action: "access_denied", target: id, details: { reason } });
  return apiError(403, "forbidden", message);
}

/** The audit entry's common part for a push; actor null when the console itself acted. */
export function auditOf(record: PushRecord, actor: Actor | null): Omit<AuditInput, "action"> & { details: AuditDetails } {
  return {
    actor: actor?.username ?? null,
    ip: actor?.ip ?? null,
    target: record.id,
    details: {
      name: record.name,
      notify_way: record.notify_way,
      chuanbo_group: record.chuanbo_group,
      reach: record.reach,
      is_test: record.is_test,
      sent_by: record.sent_by,
      ...(record.approved_by ? { approved_by: record.approved_by } : {}),
      ...(record.hold_reasons.length > 0 ? { hold_reasons: record.hold_reasons } : {}),
      ...(record.scheduled_at ? { scheduled_at: record.scheduled_at } : {}),
      ...(record.quiet_hours_reason ? { quiet_hours_reason: record.quiet_hours_reason } : {}),
    },
  };
}

/** What the policy needs of a push: its channel and groups (its content does not matter to it). */
export type PolicedFields = Pick<Push, "notify_way" | "chuanbo_group">;

export type Admit = { windowMinutes: number; decide: (counts: SenderCounts) => Admission<Refusal> };

/** A push the policy may admit: its reach, and the decision to make on the sender's counts. */
export type Policed = { reach: Reach | undefined; admit: Admit };

/**
 * Records a new real push under the limits and the approval policy: refuses it (429 / 422 past the
 * limits, audited), or begins it, held or to be sent. The counts are read and the decision made in
 * the transaction that records it.
 */
export async function beginPolicedPush(
  store: PushStore,
  {
    key,
    push,
    actor,
    policed,
    scheduledAt,
    quietHoursReason,
  }: { key: string; push: Push; actor: Actor; policed: Policed; scheduledAt?: Date; quietHoursReason?: string },
): Promise<Response | BeginResult> {
  const { reach, admit } = policed;
  const begun = await store.begin<Refusal>({
    key,
    push,
    isTest: false,
    sentBy: actor.username,
    reach,
    scheduledAt,
    quietHoursReason,
    admit,
  });
  if (begun.kind !== "refused") return begun;
  return refuse(begun, push, reach, actor);
}

/**
 * A scheduled push's new content and time, on the same record: the approval policy looks at it
 * afresh (a bigger push needs approval, an earlier approval does not cover new content); the
 * hourly cap counted it when it was made.
 */
export async function reschedulePolicedPush(
  store: PushStore,
  input: {
    id: string;
    push: Push;
    actor: Actor;
    /** Its author: the counts the policy decides on are the author's, whoever moves it. */
    sentBy: string;
    policed: Policed;
    scheduledAt: Date;
    quietHoursReason?: string;
    timeOnly?: boolean;
  },
): Promise<Response | Exclude<RescheduleResult<Refusal>, { kind: "refused" }>> {
  const { policed, ...rest } = input;
  const done = await store.reschedule<Refusal>({ ...rest, movedBy: input.actor.username, reach: policed.reach, admit: policed.admit });
  if (done.kind !== "refused") return done;
  return refuse(done, input.push, policed.reach, input.actor);
}

/** The push's reach and the policy's admission for it, or the 400 for groups that do not exist. */
export async function policedReach(push: PolicedFields): Promise<Response | Policed> {
  const looked = await lookUpReach(push.chuanbo_group);
  if (looked.kind === "missing") {
    const message = `用户组 ${looked.ids.join("、")} 在传播通上不存在（可能已被删除），本条没有发送。请重新选择用户组后再发。`;
    return invalidRequest({ chuanbo_group: message }, message);
  }
  const reach = looked.kind === "found" ? looked.reach : undefined;
  const limits: PolicyLimits = { ...serverConfig().limits, approval: options().approval };
  const admit: Admit = {
    windowMinutes: limits.approval.windowMinutes,
    decide: (counts: SenderCounts) => admission(decide({ push, isTest: false, reach, ...counts }, limits)),
  };
  return { reach, admit };
}

/** A refusal past the limits in words: the HTTP status and code POST answers, and what to do. */
export function refusalAnswer(refusal: Refusal, counts: SenderCounts): { status: number; code: string; message: string } {
  switch (refusal.kind) {
    case "over_hourly_cap":
      return {
        status: 429,
        code: "push_rate_limited",
        message: `每人每小时最多发送 ${formatCount(refusal.limit)} 条推送，你在过去一小时内已经发了 ${formatCount(counts.recentCount)} 条，本条没有发送。请稍后再发；确有急需，请联系管理员调整上限。`,
      };
    case "over_reach_ceiling":
      return {
        status: 422,
        code: "reach_exceeded",
        message: `这条推送预计触达 ${formatCount(refusal.reach)} 人，超过了单条推送 ${formatCount(refusal.limit)} 人的上限，本条没有发送。请减少用户组后分批发送；确有需要，请联系管理员调整上限。`,
      };
  }
}

/** The refusal's answer, audited. */
async function refuse(
  { refusal, counts }: { refusal: Refusal; counts: SenderCounts },
  push: Push,
  reach: Reach | undefined,
  actor: Actor,
): Promise<Response> {
  const answer = refusalAnswer(refusal, counts);
  await recordAudit({
    actor: actor.username,
    ip: actor.ip,
    action: "push_limited",
    target: null,
    details: {
      code: answer.code,
      name: push.name,
      notify_way: push.notify_way,
      chuanbo_group: push.chuanbo_group,
      reach: reach?.reach ?? null,
      recent: counts.recentCount,
      window_reach: counts.windowReach,
    },
  });
  return apiError(answer.status, answer.code, answer.message);
}
