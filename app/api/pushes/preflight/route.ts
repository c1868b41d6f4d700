import { preflight } from "@/lib/server/pushes/preflight";
import { route } from "@/lib/server/route";
import { preflightRequestSchema } from "@/lib/validations/send-time";

export const dynamic = "force-dynamic";

/** 发送前检查: what POST /api/pushes would do with this draft now (send, hold for approval, refuse) and why. */
export const POST = route({ need: "send", body: preflightRequestSchema }, ({ body, actor }) => {
  const { scheduled_at, quiet_hours_reason, rescheduling, ...push } = body;
  return preflight(push, { scheduledAt: scheduled_at ?? undefined, quietHoursReason: quiet_hours_reason }, actor, rescheduling);
});
