import { requireUser } from "@/lib/server/auth/session";
import { tagIndex } from "@/lib/server/group-index";
import { invalidRequest, jsonResponse, withErrors } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** Every tag in use across all groups, its distinct values with group counts, and the departments. */
export function GET(request: Request) {
  return withErrors(async () => {
    await requireUser(request);
    const refresh = new URL(request.url).searchParams.get("refresh");
    if (refresh !== null && refresh !== "0" && refresh !== "1") {
      return invalidRequest({ refresh: "refresh 只能是 1 或 0" }, "查询参数有误。");
    }
    return jsonResponse(await tagIndex({ refresh: refresh === "1" }));
  });
}
