import * as z from "zod/mini";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/auth/audit-actions";
import { dayRangeInOrder, filterDay, filterText } from "@/lib/validations/list-filters";

// GET /api/audit's query, apart from the actions' names so that /admin/audit ships no zod.

const blankIsAbsent = (raw: string) => (raw.trim() === "" ? undefined : raw.trim());
const text = filterText(100, "筛选内容");
const int = (fallback: number, max: number) =>
  z.pipe(
    z.optional(z.string()),
    z.transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === "") return fallback;
      const value = Number(raw);
      if (!Number.isInteger(value) || value < 1 || value > max) {
        ctx.issues.push({ code: "custom", input: raw, message: `须是 1 到 ${max} 的整数` });
        return z.NEVER;
      }
      return value;
    }),
  );

/** GET /api/audit query: filters by action, actor, target and day range (China time); paged, or all as CSV. */
export const auditQuerySchema = z
  .object({
    action: z.optional(
      z.pipe(
        z.string(),
        z.transform((raw, ctx) => {
          const value = blankIsAbsent(raw);
          if (value === undefined || (AUDIT_ACTIONS as readonly string[]).includes(value)) return value as AuditAction | undefined;
          ctx.issues.push({ code: "custom", input: raw, message: "没有这种操作类型" });
          return z.NEVER;
        }),
      ),
    ),
    actor: text,
    target: text,
    from: filterDay,
    to: filterDay,
    current: int(1, 100_000),
    size: int(50, 200),
    format: z.optional(z.enum(["json", "csv"])),
  })
  .check(dayRangeInOrder);
export type AuditQuery = z.output<typeof auditQuerySchema>;
