import { formatCount } from "@/lib/compose/reach";
import type { PushRecord } from "@/lib/validations/push-record";

// How a push record reads to people.

export const PUSH_STATUS_STYLES: Record<PushRecord["status"], string> = {
  sent: "bg-emerald-100 text-emerald-800",
  failed: "bg-red-100 text-red-800",
  unknown: "bg-amber-100 text-amber-900",
  pending: "bg-slate-200 text-slate-700",
  pending_approval: "bg-sky-100 text-sky-800",
  rejected: "bg-slate-300 text-slate-800",
};

const chinaTime = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});

/** An ISO instant as China time, "2025/03/01 09:05:00". */
export function formatChinaTime(iso: string | null): string {
  if (!iso) return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : chinaTime.format(date);
}

/** The reach recorded at send time: the same words the composer used. */
export function recordReachText(record: Pick<PushRecord, "reach" | "reach_incomplete">): string {
  if (record.reach === null) return "人数未知";
  const base = `最多约 ${formatCount(record.reach)} 人`;
  return record.reach_incomplete ? `${base}（部分用户组人数未知）` : base;
}
