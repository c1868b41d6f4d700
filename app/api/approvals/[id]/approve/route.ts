import { approvePush } from "@/lib/server/auth/approvals";
import { requireUser } from "@/lib/server/auth/session";
import { withErrors } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** Approves a held push, which is then sent (exactly once); answers as POST /api/pushes does. */
export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withErrors(async () => approvePush(request, (await params).id, await requireUser(request, "approve")));
}
