import * as z from "zod/mini";
import { withdrawPush } from "@/lib/server/pushes/follow-up";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** 撤回: its author withdraws a push still waiting for approval. Body: `{}`. */
export const POST = route({ need: "send", body: z.unknown() }, ({ params, actor }) => withdrawPush(params.id!, actor));
