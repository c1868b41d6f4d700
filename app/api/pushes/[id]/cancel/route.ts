import * as z from "zod/mini";
import { cancelPush } from "@/lib/server/pushes/schedule";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** 取消定时推送: its author or a supervisor, before it is due. Body: `{}`. */
export const POST = route({ need: "read", body: z.unknown() }, ({ params, actor, user }) => cancelPush(params.id!, actor, user.roles));
