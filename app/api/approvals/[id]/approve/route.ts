import { approvePush } from "@/lib/server/pushes/approvals";
import { route } from "@/lib/server/route";
import { decisionSchema } from "@/lib/validations/approval";

export const dynamic = "force-dynamic";

/**
 * Approves a held push as it was read (body `{ rescheduled_at }`), which is then sent (exactly once);
 * answers as POST /api/pushes does.
 */
export const POST = route({ need: "approve", body: decisionSchema }, ({ params, body, actor }) => approvePush(params.id!, body, actor));
