import { requireUser } from "@/lib/server/auth/session";
import { apiError, jsonResponse, withErrors } from "@/lib/server/http";
import { pushStore } from "@/lib/server/push-store";

export const dynamic = "force-dynamic";

export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withErrors(async () => {
    await requireUser(request);
    const { id } = await params;
    const record = await pushStore().get(id);
    if (!record) return apiError(404, "not_found", "没有找到这条推送记录，它可能不是从这个控制台发出的。请回到推送记录列表查看。");
    return jsonResponse(record);
  });
}
