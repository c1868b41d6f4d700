import "server-only";
import { actorName, type Actor } from "@/lib/server/actor";
import { recordAudit } from "@/lib/server/audit";
import { apiError, jsonResponse } from "@/lib/server/http";
import { auditOf, refusedOnPush } from "@/lib/server/pushes/policy";
import { approvedAnswer, approvedTo } from "@/lib/server/pushes/schedule";
import { sendPending } from "@/lib/server/pushes/send";
import { pushStore } from "@/lib/server/pushes/store";
import { withNames } from "@/lib/server/users/names";
import { personName } from "@/lib/text/person";
import { zh } from "@/lib/text/zh";
import { DECISION_BASIS_INVALID, type DecisionBasis, type RejectDecision } from "@/lib/validations/approval";
import { PUSH_STATUS_LABELS } from "@/lib/validations/push-labels";
import type { PushErrorBody, PushRecord } from "@/lib/validations/push-record";

// 审批: a supervisor other than the author approves a held push (it is then sent, exactly once,
// through the same path and record as any push) or rejects it with a reason.

const notFound = () => apiError(404, "not_found", "没有找到这条推送，它可能不是从这个控制台提交的。请回到待审批列表刷新后再看。");
/** Why it can no longer be decided, from what became of it: its author withdrew it, or who decided or cancelled it. */
async function notWaiting(record: PushRecord): Promise<Response> {
  const names = (await withNames([record], ["approved_by", "rejected_by", "cancelled_by"]))[0]?.names;
  const now = PUSH_STATUS_LABELS[record.status];
  const what =
    record.status === "withdrawn"
      ? "作者已撤回这条推送，它不会发出"
      : record.rejected_by
        ? zh`这条推送已被${personName(record.rejected_by, names)}驳回`
        : record.approved_by
          ? zh`这条推送已由${personName(record.approved_by, names)}批准（现在是「${now}」）`
          : record.cancelled_by
            ? zh`这条推送已被${personName(record.cancelled_by, names)}取消，它不会发出`
            : `这条推送现在是「${now}」`;
  return apiError(409, "not_pending_approval", `${what}，不需要再审批。`);
}

type Kind = "approve" | "reject";
const KIND_LABELS: Record<Kind, string> = { approve: "批准", reject: "驳回" };

/** Changed since the supervisor read it (保存修改 by its author, 修改时间 by its author or a supervisor): who changed it, and that nothing was decided. */
async function changedSinceSeen(record: PushRecord, kind: Kind): Promise<Response> {
  const names = (await withNames([record], ["rescheduled_by"]))[0]?.names;
  const who = record.rescheduled_by ? personName(record.rescheduled_by, names) : "作者";
  const message = zh`这条推送在你审阅后已被${who}修改了内容或时间，没有${KIND_LABELS[kind]}。请回到列表看过修改后的内容再决定。`;
  return apiError(409, "push_changed", message);
}

/** A decision that does not say which version it is on (a page from before that was asked), or names one the push never had. */
const basisRefused = (message: string) => apiError(400, "invalid_request", message, { fields: { rescheduled_at: DECISION_BASIS_INVALID } });

/** The record if this user may decide on it now, as they saw it, or the answer saying why not. */
async function decidable(id: string, kind: Kind, seen: DecisionBasis, actor: Actor): Promise<PushRecord | Response> {
  if (seen.rescheduled_at === undefined) {
    return basisRefused("这个页面已更新，请刷新页面后再审批（请求没有带上审阅时这条推送的 rescheduled_at）。");
  }
  const record = await pushStore().get(id);
  if (!record) return notFound();
  if (record.status !== "pending_approval") return await notWaiting(record);
  if (record.sent_by === actor.username) {
    return refusedOnPush(id, actor, "own_push", "不能审批自己提交的推送，请另一位审核人审批。");
  }
  if (record.rescheduled_at === null && seen.rescheduled_at !== null) {
    return basisRefused("这条推送没有修改过，rescheduled_at 应为 null。请刷新列表后再决定。");
  }
  if (record.rescheduled_at !== seen.rescheduled_at) return await changedSinceSeen(record, kind);
  return record;
}

/** Why the guarded write changed nothing: changed between the read and the write, or no longer waiting. */
async function notDecided(id: string, kind: Kind, checked: PushRecord): Promise<Response> {
  const now = (await pushStore().get(id)) ?? checked;
  return now.status === "pending_approval" ? changedSinceSeen(now, kind) : notWaiting(now);
}

export async function approvePush(id: string, seen: DecisionBasis, actor: Actor): Promise<Response> {
  const checked = await decidable(id, "approve", seen, actor);
  if (checked instanceof Response) return checked;
  // Only one approval moves it out of pending_approval; a second (double click, another supervisor) gets 409.
  // A scheduled one waits for its time, goes now if due, or expires if approved past the grace period.
  const to = approvedTo(checked);
  const answer = approvedAnswer(checked, to);
  const approved = await pushStore().approve(id, actor.username, to, answer, checked);
  if (!approved) return notDecided(id, "approve", checked);
  await recordAudit({ ...auditOf(approved, actor), action: "push_approved" });
  if (to === "pending") return sendPending(approved, actor);
  if (to === "expired") await recordAudit({ ...auditOf(approved, actor), action: "push_expired" });
  return jsonResponse(answer?.body, answer?.status);
}

export async function rejectPush(id: string, { reason, ...seen }: RejectDecision, actor: Actor): Promise<Response> {
  const checked = await decidable(id, "reject", seen, actor);
  if (checked instanceof Response) return checked;
  // What the author's retry with the same Idempotency-Key will be told from now on.
  const answer: PushErrorBody = {
    error: {
      code: "rejected",
      message: zh`审核人${actorName(actor)}驳回了这条推送，没有发出。理由：${reason}`,
      pushId: id,
      status: "rejected",
    },
  };
  const rejected = await pushStore().reject(id, actor.username, reason, { status: 409, body: answer }, checked);
  if (!rejected) return notDecided(id, "reject", checked);
  await recordAudit({ ...auditOf(rejected, actor), action: "push_rejected", details: { ...auditOf(rejected, actor).details, reason } });
  return jsonResponse(rejected);
}
