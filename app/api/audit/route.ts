import { auditCsv, listAudit } from "@/lib/server/audit";
import { groupTitles, inWords } from "@/lib/server/audit-words";
import { consoleDatabase } from "@/lib/server/db";
import { route } from "@/lib/server/route";
import { auditQuerySchema } from "@/lib/validations/audit";

export const dynamic = "force-dynamic";

/** 审计日志: filtered and paged as JSON, or every matching entry as CSV (?format=csv). Admins only. */
export const GET = route({ need: "admin", query: auditQuerySchema }, async ({ query }) => {
  const database = await consoleDatabase();
  if (query.format !== "csv") return inWords(await listAudit(database, query));
  const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  return new Response(await auditCsv(database, query, groupTitles), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
});
