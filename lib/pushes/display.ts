import { formatCount } from "@/lib/compose/reach";
import { formatChinaListTime, formatChinaTime } from "@/lib/text/china-time";
import { PUSH_STATUS_LABELS, SETTLE_OUTCOME_LABELS } from "@/lib/validations/push-labels";
import type { PushRecord } from "@/lib/validations/push-record";

// How a push record reads to people.

export const PUSH_STATUS_STYLES: Record<PushRecord["status"], string> = {
  sent: "bg-emerald-100 text-emerald-800",
  failed: "bg-red-100 text-red-800",
  unknown: "bg-amber-100 text-amber-900",
  pending: "bg-slate-200 text-slate-700",
  pending_approval: "bg-sky-100 text-sky-800",
  rejected: "bg-slate-300 text-slate-800",
  scheduled: "bg-indigo-100 text-indigo-800",
  cancelled: "bg-slate-200 text-slate-600",
  expired: "bg-orange-100 text-orange-900",
  missed: "bg-orange-100 text-orange-900",
  withdrawn: "bg-slate-200 text-slate-600",
};

/** The status in words; an unknown outcome a person settled reads as what they confirmed. */
export function recordStatusLabel(record: Pick<PushRecord, "status"> & Partial<Pick<PushRecord, "settled_by">>): string {
  if (record.settled_by) return SETTLE_OUTCOME_LABELS[record.status === "sent" ? "sent" : "not_sent"];
  return PUSH_STATUS_LABELS[record.status];
}

/** An ISO instant (or none yet) as China time, with seconds: a record's details. */
export function formatRecordTime(iso: string | null): string {
  return iso ? formatChinaTime(iso) : "—";
}

/** The same in a list, to the minute. */
export function formatRecordListTime(iso: string | null): string {
  return iso ? formatChinaListTime(iso) : "—";
}

/** The reach recorded at send time: the same words the composer used (预计触达 N 人). */
export function recordReachText(record: Pick<PushRecord, "reach" | "reach_incomplete">): string {
  if (record.reach === null) return "人数未知";
  const base = `预计触达 ${formatCount(record.reach)} 人`;
  return record.reach_incomplete ? `人数未知（已知部分${base}）` : base;
}

/** The reach in a list's 预计触达（人） column: the number alone (the unit is in the header), or 人数未知 as elsewhere. */
export function recordReachCell(record: Pick<PushRecord, "reach" | "reach_incomplete">): string {
  if (record.reach === null) return "人数未知";
  return record.reach_incomplete ? `人数未知（已知部分 ${formatCount(record.reach)}）` : formatCount(record.reach);
}

/**
 * The id of a record's status message (a cancelled, withdrawn or missed push says why it did not go
 * out): focus goes there after an action on the record that ends its wait (components/ui/focus.ts).
 */
export const RECORD_STATUS_ID = "record-status";
