import * as z from "zod/mini";

// The filters every list shares (推送记录, 待审批, 审计日志), as URL search params: a blank value is no
// filter (an emptied input sends it), days are China calendar days, text is trimmed and bounded.

const blankIsAbsent = (raw: string) => (raw.trim() === "" ? undefined : raw.trim());

/** A free-text filter, at most `max` characters. */
export const filterText = (max: number, label: string) =>
  z.optional(
    z.pipe(
      z.string(),
      z.transform((raw, ctx) => {
        const value = blankIsAbsent(raw);
        if (value !== undefined && [...value].length > max) {
          ctx.issues.push({ code: "custom", input: raw, message: `${label}最多 ${max} 个字` });
          return z.NEVER;
        }
        return value;
      }),
    ),
  );

/** Whether YYYY-MM-DD names a real calendar day (no 2026-02-30). */
export function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 2000 && year <= 2100 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A China calendar day, YYYY-MM-DD. */
export const filterDay = z.optional(
  z.pipe(
    z.string(),
    z.transform((raw, ctx) => {
      const value = blankIsAbsent(raw);
      if (value === undefined || isCalendarDay(value)) return value;
      ctx.issues.push({ code: "custom", input: raw, message: "日期须是 2000 到 2100 年间真实的一天，写成 YYYY-MM-DD，例如 2026-11-29" });
      return z.NEVER;
    }),
  ),
);

/** from ≤ to, said on `to`, for a schema with both. */
export const dayRangeInOrder = z.refine<{ from?: string; to?: string }>((v) => !v.from || !v.to || v.from <= v.to, {
  message: "结束日期不能早于开始日期",
  path: ["to"],
});

/** A China calendar day (YYYY-MM-DD) to the UTC instant it starts, as stored timestamps are. */
export const chinaDayStart = (day: string, plusDays = 0) =>
  new Date(Date.parse(`${day}T00:00:00+08:00`) + plusDays * 86_400_000).toISOString();

/** `%`, `_` and the escape itself, taken literally by `LIKE … ESCAPE '\'`. */
export const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
