import "server-only";
import { scheduleProblem } from "@/lib/pushes/schedule";
import { serverConfig } from "@/lib/server/config";
import { invalidRequest } from "@/lib/server/http";
import { policedReach, refusalAnswer, type Policed, type PolicedFields } from "@/lib/server/pushes/policy";
import { quietHoursRefusal } from "@/lib/server/pushes/quiet-hours";
import { pushStore } from "@/lib/server/pushes/store";
import type { Actor } from "@/lib/server/actor";
import type { Preflight, QuietHoursRefusal } from "@/lib/validations/push-record";

// The checks a new real push passes before it is recorded, asked by POST /api/pushes, by PATCH
// /api/pushes/:id and by the composer's preflight alike: one set of rules, so the composer's
// forecast and what the send then does never disagree.

/** A new time too soon or too far ahead: the 400 naming scheduled_at. */
export function scheduledAtRefusal(at: Date | undefined): Response | null {
  const problem = at && scheduleProblem(at, new Date(), serverConfig().schedule);
  return problem ? invalidRequest({ scheduled_at: problem }, problem) : null;
}

export type ScreenedFields = PolicedFields & { chuanbo_type_id?: number };
export type SendAt = { scheduledAt?: Date; quietHoursReason?: string };

/**
 * In this order: the time (scheduled_at), 免打扰, the groups (400 for one that does not exist).
 * Then what the policy needs to decide in the transaction that records the push, with the
 * 免打扰 reason to record (only when the push falls in the window).
 */
export async function screenPush(
  push: ScreenedFields,
  { scheduledAt, quietHoursReason }: SendAt,
): Promise<Response | (Policed & { quietHoursReason?: string })> {
  const tooSoon = scheduledAtRefusal(scheduledAt);
  if (tooSoon) return tooSoon;
  const quiet = quietHoursRefusal(push, scheduledAt ?? new Date(), quietHoursReason);
  if (quiet.refusal) return quiet.refusal;
  const policed = await policedReach(push);
  if (policed instanceof Response) return policed;
  return { ...policed, quietHoursReason: quiet.reason };
}

// POST's words say the push was not sent; the preflight's are said before anything was tried.
const beforeTrying = (message: string) => message.replace("本条没有发送", "现在不能发送");

/**
 * POST /api/pushes/preflight: what POST /api/pushes would do with this draft now, from the same
 * screen and the same decision on the sender's counts as read now (nothing recorded, nothing audited).
 * `rescheduling`: the draft changes that scheduled push (PATCH /api/pushes/:id), counted as PATCH counts it.
 */
export async function preflight(push: ScreenedFields, at: SendAt, actor: Actor, rescheduling?: string): Promise<Preflight> {
  const screened = await screenPush(push, at);
  if (screened instanceof Response) {
    const { error } = (await screened.json()) as {
      error: Partial<QuietHoursRefusal["error"]> & { code: string; message: string; fields?: Record<string, string> };
    };
    return {
      decision: "refuse",
      reasons: [beforeTrying(error.message)],
      reach: null,
      code: error.code,
      ...(error.fields && Object.keys(error.fields).length > 0 ? { fields: error.fields } : {}),
      ...(error.quietHours ? { quietHours: error.quietHours, nextAllowedAt: error.nextAllowedAt } : {}),
    };
  }
  const reach = screened.reach ?? null;
  const counts = await pushStore().senderCounts(actor.username, screened.admit.windowMinutes, rescheduling);
  const admission = screened.admit.decide(counts);
  if (admission.kind === "refuse") {
    const answer = refusalAnswer(admission.refusal, counts);
    return { decision: "refuse", reasons: [beforeTrying(answer.message)], reach, code: answer.code };
  }
  return { decision: admission.kind, reasons: admission.kind === "hold" ? admission.reasons : [], reach };
}
