import "server-only";
import { quietHoursHit } from "@/lib/pushes/quiet-hours";
import { jsonResponse } from "@/lib/server/http";
import { options } from "@/lib/server/options";
import { formatChinaListTime } from "@/lib/text/china-time";
import type { Push } from "@/lib/validations/push";
import type { QuietHoursRefusal } from "@/lib/validations/push-record";

// 免打扰 on the server: the composer's own rule (lib/pushes/quiet-hours.ts), enforced.

/**
 * A real push going out at `at` inside the window: without a reason, the 422 quiet_hours answer
 * (the window and the next allowed time); with one, the reason to record. Outside it, nothing.
 */
export function quietHoursRefusal(
  push: Pick<Push, "notify_way"> & { chuanbo_type_id?: number },
  at: Date,
  reason: string | undefined,
): { refusal?: Response; reason?: string } {
  // No 消息类型 chosen yet (a preflight of an early draft): not told yet, as in the composer.
  const type = push.chuanbo_type_id;
  const hit = type === undefined ? null : quietHoursHit(options().quietHours, { notify_way: push.notify_way, chuanbo_type_id: type }, at);
  if (!hit) return {};
  if (reason) return { reason };
  const next = hit.nextAllowedAt.toISOString();
  const body: QuietHoursRefusal = {
    error: {
      code: "quiet_hours",
      message: `${formatChinaListTime(at)} 在免打扰时段（北京时间 ${hit.start}–${hit.end}）内，本条没有发送。请定时到 ${formatChinaListTime(next)} 之后再发；确需现在发送，请填写理由（quiet_hours_reason）。`,
      quietHours: { start: hit.start, end: hit.end },
      nextAllowedAt: next,
    },
  };
  return { refusal: jsonResponse(body, 422) };
}
