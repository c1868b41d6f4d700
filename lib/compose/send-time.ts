import { quietHoursHit, type QuietHoursHit } from "@/lib/pushes/quiet-hours";
import { chinaLocalInputToIso, parseScheduledAt, scheduleProblem } from "@/lib/pushes/schedule";
import type { SendTimeChoice } from "@/lib/compose/send-time-choice";
import type { PublicOptions } from "@/lib/validations/options";

// The composer's 发送时间 (立即 or 定时, in Beijing time) and its 免打扰 choice; what the server is
// sent (scheduled_at, quiet_hours_reason) and why it cannot be sent yet, by the server's own rules.
// Loaded just after the page (the form asks it once it is there); the choice itself is in send-time-choice.ts.

export type SendTimeState = {
  /** ISO 8601 with +08:00, when scheduled and valid. */
  scheduledAt: string | null;
  /** Why the time cannot be used (e.g. too soon), in Chinese. */
  timeProblem: string | null;
  /** The push would go out inside 免打扰. */
  quiet: QuietHoursHit | null;
  /** Why it cannot be sent as chosen: a time problem, or 免打扰 without a choice or reason. */
  blocked: string | null;
};

export function sendTimeState(
  choice: SendTimeChoice,
  push: { notify_way: number; chuanbo_type_id: number | undefined },
  options: PublicOptions | undefined,
  now: Date,
): SendTimeState {
  let scheduledAt: string | null = null;
  let timeProblem: string | null = null;
  if (choice.mode === "scheduled") {
    scheduledAt = chinaLocalInputToIso(choice.local);
    const at = scheduledAt ? parseScheduledAt(scheduledAt) : null;
    timeProblem = at ? scheduleProblem(at, now, { minLeadSeconds: options?.schedule.minLeadSeconds ?? 120 }) : "请选择定时发送的日期和时间";
    if (timeProblem) scheduledAt = null;
  }
  const quiet =
    push.chuanbo_type_id === undefined
      ? null
      : quietHoursHit(
          options?.quietHours,
          { notify_way: push.notify_way, chuanbo_type_id: push.chuanbo_type_id },
          scheduledAt ? new Date(scheduledAt) : now,
        );
  let blocked = timeProblem;
  if (!blocked && quiet) {
    if (!choice.overrideQuiet)
      blocked = `发送时间在免打扰时段（北京时间 ${quiet.start}–${quiet.end}）内，请定时到 ${quiet.end} 或选择仍然发送`;
    else if (choice.quietReason.trim() === "") blocked = "请填写在免打扰时段仍然发送的理由";
  }
  return { scheduledAt, timeProblem, quiet, blocked };
}

/** The request's send-time fields, for a choice that is not blocked. */
export function sendTimeBody(choice: SendTimeChoice, state: SendTimeState): { scheduled_at?: string; quiet_hours_reason?: string } {
  return {
    ...(state.scheduledAt ? { scheduled_at: state.scheduledAt } : {}),
    ...(state.quiet && choice.overrideQuiet ? { quiet_hours_reason: choice.quietReason.trim() } : {}),
  };
}
