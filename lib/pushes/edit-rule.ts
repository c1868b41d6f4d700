import { waitsForTime, type Refusal } from "@/lib/pushes/actions";
import type { PushRecord } from "@/lib/validations/push-record";

// 修改内容和时间: asked by the server (PATCH /api/pushes/:id, which enforces) and by the composer and
// the record (which offer it only to its author). Apart from ./actions so that a record's first load
// does not carry it.

/** What anyone but the author is told, by the server and by the composer before anything is typed. */
export const EDIT_OTHERS_PUSH = "只有这条推送的作者可以修改它的内容；审核人可以修改它的时间或取消它。";

/** 修改内容和时间 (PATCH /api/pushes/:id, /compose?edit=<id>): only while it waits for its time, only its author. */
export function editRefusal(record: Pick<PushRecord, "sent_by" | "status" | "scheduled_at">, username: string): Refusal | null {
  // Past its time (sent, cancelled, …) nobody may: said so whoever asks.
  if (!waitsForTime(record)) return "not_waiting";
  return username && record.sent_by === username ? null : "not_author";
}
