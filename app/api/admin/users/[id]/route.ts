import { updateUserRoute } from "@/lib/server/auth/admin-routes";
import { withErrors } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** { roles?, disabled?, password? }: re-role, disable or enable, reset the password. */
export function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withErrors(async () => updateUserRoute(request, (await params).id));
}
