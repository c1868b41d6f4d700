import { rejectPush } from "@/lib/server/pushes/approvals";
import { route } from "@/lib/server/route";
import { rejectSchema } from "@/lib/validations/approval";

export const dynamic = "force-dynamic";

/** Rejects a held push as it was read, with a reason ({ reason, rescheduled_at }); answers with the updated record. */
export const POST = route({ need: "approve", body: rejectSchema }, ({ params, body, actor }) => rejectPush(params.id!, body, actor));
