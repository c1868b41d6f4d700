import { rejectPush } from "@/lib/server/auth/approvals";
import { requireUser } from "@/lib/server/auth/session";
import { withErrors } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** Rejects a held push with a reason ({ reason }); answers with the updated record. */
export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withErrors(async () => rejectPush(request, (await params).id, await requireUser(request, "approve")));
}
