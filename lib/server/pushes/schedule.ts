import "server-only";
import { can, type Role } from "@/lib/auth/roles";
import { CANCEL_REASON_MISSING, cancelNeedsReason, rescheduleRefusal, waitsForTime } from "@/lib/pushes/actions";
import { EDIT_OTHERS_PUSH, editRefusal } from "@/lib/pushes/edit-rule";
import { dueState } from "@/lib/pushes/schedule";
import { actorName, type Actor } from "@/lib/server/actor";
import { recordAudit } from "@/lib/server/audit";
import { serverConfig } from "@/lib/server/config";
import { apiError, jsonResponse } from "@/lib/server/http";
import { auditOf, recordNotFound, refusedOnPush, reschedulePolicedPush } from "@/lib/server/pushes/policy";
import { screenPush } from "@/lib/server/pushes/preflight";
import { pushStore, type ApprovedTo, type StoredAnswer } from "@/lib/server/pushes/store";
import { zh } from "@/lib/text/zh";
import { PUSH_STATUS_LABELS } from "@/lib/validations/push-labels";
import type { CancelInput } from "@/lib/validations/approval";
import type { Push } from "@/lib/validations/push";
import type { PushErrorBody, PushRecord } from "@/lib/validations/push-record";
import type { SendTime } from "@/lib/validations/send-time";

// 定时发送: cancelling and changing a push before its time, and where an approval sends it.

const notWaiting = (record: PushRecord) =>
  apiError(
    409,
    "not_scheduled",
    `这条推送已不在等待定时发送（现在是「${PUSH_STATUS_LABELS[record.status]}」），不能再取消或修改。请刷新推送记录。`,
  );

function errorAnswer(status: number, code: string, message: string, record: PushRecord, to: PushRecord["status"]): StoredAnswer {
  return { status, body: { error: { code, message, pushId: record.id, status: to } } satisfies PushErrorBody };
}

/**
 * Where a held push goes when approved: at once if it has no time or is due (within the grace
 * period), to wait if its time is ahead, nowhere (expired) if its time is past the grace period.
 */
export function approvedTo(record: PushRecord, now = new Date()): ApprovedTo {
  if (!record.scheduled_at) return "pending";
  const state = dueState(new Date(record.scheduled_at), now, serverConfig().schedule.graceMs);
  return state === "early" ? "scheduled" : state === "due" ? "pending" : "expired";
}

/** What the author's retry replays once an approval decided where the push goes (pending: none yet). */
export function approvedAnswer(record: PushRecord, to: ApprovedTo): StoredAnswer | undefined {
  if (to === "scheduled") return { status: 202, body: { id: record.id, status: "scheduled", scheduledAt: record.scheduled_at } };
  if (to === "expired") {
    return errorAnswer(
      409,
      "expired",
      "这条定时推送获批时已超过定时时间的宽限期，已过期，没有发出。如仍需发送，请重新创建推送。",
      record,
      "expired",
    );
  }
  return undefined;
}

/**
 * POST /api/pushes/:id/cancel: its author or a supervisor, while it waits for its time; a supervisor
 * cancelling someone else's push says why (its author is told, lib/pushes/actions.ts).
 */
export async function cancelPush(id: string, input: CancelInput, actor: Actor, roles: readonly Role[]): Promise<Response> {
  const store = pushStore();
  const record = await store.get(id);
  if (!record) return recordNotFound();
  if (record.sent_by !== actor.username && !can(roles, "approve")) {
    return refusedOnPush(id, actor, "cancel_others_push", "只有这条推送的作者或审核人可以取消它。");
  }
  if (!waitsForTime(record)) return notWaiting(record);
  const reason = input.reason || null;
  if (!reason && cancelNeedsReason(record, actor.username)) {
    return apiError(400, "invalid_request", CANCEL_REASON_MISSING, { fields: { reason: CANCEL_REASON_MISSING } });
  }
  const message = zh`${actorName(actor)}取消了这条定时推送，没有发出。` + (reason ? `理由：${reason}` : "");
  const cancelled = await store.cancel(id, actor.username, reason, errorAnswer(409, "cancelled", message, record, "cancelled"));
  if (!cancelled) return notWaiting((await store.get(id)) ?? record);
  const base = auditOf(cancelled, actor);
  await recordAudit({ ...base, action: "push_cancelled", details: reason ? { ...base.details, reason } : base.details });
  return jsonResponse(cancelled);
}

/** PATCH /api/pushes/:id: its author changes the content and time of a push still waiting for its time. */
export async function reschedulePush(id: string, { push, sendTime }: { push: Push; sendTime: SendTime }, actor: Actor): Promise<Response> {
  const record = await pushStore().get(id);
  if (!record) return recordNotFound();
  const refusal = editRefusal(record, actor.username);
  if (refusal === "not_author") return refusedOnPush(id, actor, "edit_others_push", EDIT_OTHERS_PUSH);
  if (refusal) return notWaiting(record);
  return changeSchedule(record, push, sendTime, actor, false);
}

/** POST /api/pushes/:id/reschedule: its author or a supervisor moves a waiting push's time, its content unchanged. */
export async function moveScheduledTime(id: string, sendTime: SendTime, actor: Actor, roles: readonly Role[]): Promise<Response> {
  const record = await pushStore().get(id);
  if (!record) return recordNotFound();
  const refusal = rescheduleRefusal(record, actor.username, { send: can(roles, "send"), approve: can(roles, "approve") });
  if (refusal === "not_allowed") {
    return refusedOnPush(id, actor, "reschedule_others_push", "只有这条推送的作者或审核人可以修改它的时间。");
  }
  if (refusal) return notWaiting(record);
  return changeSchedule(record, record.body, sendTime, actor, true);
}

/** The one path of both: the new time's rules, 免打扰, the policy, then one guarded update, audited with who did it. */
async function changeSchedule(record: PushRecord, push: Push, sendTime: SendTime, actor: Actor, timeOnly: boolean): Promise<Response> {
  const scheduledAt = sendTime.scheduled_at ?? undefined;
  if (!scheduledAt) {
    const message = "请填写新的定时时间（scheduled_at）；要立即发送，请取消这条后重新发送。";
    return apiError(400, "invalid_request", message, { fields: { scheduled_at: message } });
  }
  const screened = await screenPush(push, { scheduledAt, quietHoursReason: sendTime.quiet_hours_reason });
  if (screened instanceof Response) return screened;
  const done = await reschedulePolicedPush(pushStore(), {
    id: record.id,
    push,
    actor,
    sentBy: record.sent_by ?? "",
    policed: screened,
    scheduledAt,
    quietHoursReason: screened.quietHoursReason,
    timeOnly,
  });
  if (done instanceof Response) return done;
  if (done.kind === "not_editable") return done.record ? notWaiting(done.record) : recordNotFound();
  if (done.kind === "changed") {
    return apiError(409, "push_changed", "这条推送的内容刚被作者修改，时间没有改动。请刷新推送记录后再试。");
  }
  const base = auditOf(done.record, actor);
  await recordAudit({
    ...base,
    action: "push_rescheduled",
    details: {
      ...base.details,
      status: done.record.status,
      ...(timeOnly ? { time_only: true } : {}),
      before: { name: done.before.name, scheduled_at: done.before.scheduled_at, body: done.before.body, status: done.before.status },
    },
  });
  if (done.record.status === "pending_approval") await recordAudit({ ...base, action: "push_held" });
  return jsonResponse(done.record);
}
