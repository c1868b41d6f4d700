import { cancelPush } from "@/lib/server/pushes/schedule";
import { route } from "@/lib/server/route";
import { cancelSchema } from "@/lib/validations/approval";

export const dynamic = "force-dynamic";

/**
 * 取消定时发送: its author or a supervisor, before it is due. Body: `{ reason? }`, the reason required
 * when it is someone else's push (lib/pushes/actions.ts).
 */
export const POST = route({ need: "read", body: cancelSchema }, ({ params, body, actor, user }) =>
  cancelPush(params.id!, body, actor, user.roles),
);
