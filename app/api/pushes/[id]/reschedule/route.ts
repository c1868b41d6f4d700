import { moveScheduledTime } from "@/lib/server/pushes/schedule";
import { route } from "@/lib/server/route";
import { sendTimeSchema } from "@/lib/validations/send-time";

export const dynamic = "force-dynamic";

/**
 * 修改时间: its author or a supervisor moves a push waiting for its time, its content unchanged
 * (who may is decided per record in lib/pushes/actions.ts). Body: `{ scheduled_at, quiet_hours_reason? }`.
 */
export const POST = route({ need: "read", body: sendTimeSchema() }, ({ params, body, actor, user }) =>
  moveScheduledTime(params.id!, body, actor, user.roles),
);
