import * as z from "zod/mini";
import { approvePush } from "@/lib/server/pushes/approvals";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Approves a held push, which is then sent (exactly once); answers as POST /api/pushes does. Body: `{}`. */
export const POST = route({ need: "approve", body: z.unknown() }, ({ params, actor }) => approvePush(params.id!, actor));
