import * as z from "zod/mini";
import { auditQuerySchema } from "@/lib/auth/audit-actions";
import { auditCsv, listAudit } from "@/lib/server/audit";
import { authDatabase } from "@/lib/server/auth/database";
import { requireUser } from "@/lib/server/auth/session";
import { invalidRequest, jsonResponse, withErrors } from "@/lib/server/http";
import { fieldErrors } from "@/lib/validations/field-errors";

export const dynamic = "force-dynamic";

/** 审计日志: filtered and paged as JSON, or every matching entry as CSV (?format=csv). Admins only. */
export function GET(request: Request) {
  return withErrors(async () => {
    await requireUser(request, "admin");
    const query = z.safeParse(auditQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return invalidRequest(fieldErrors(query.error), "查询参数有误。");
    if (query.data.format === "csv") {
      const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      return new Response(auditCsv(authDatabase(), query.data), {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="audit-${day}.csv"`,
          "cache-control": "no-store",
        },
      });
    }
    return jsonResponse(listAudit(authDatabase(), query.data));
  });
}
