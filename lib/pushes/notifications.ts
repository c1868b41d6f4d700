import { formatChinaListTime } from "@/lib/text/china-time";
import { personName, type PeopleNames } from "@/lib/text/person";
import { zh } from "@/lib/text/zh";
import type { PushStatus } from "@/lib/validations/push-labels";

// GET /api/notifications: what concerns the signed-in user, shared by the route and the header.

/**
 * What concerned the author, which decides the sentence: a decision someone (or the console) made
 * (`decided`: approved, rejected, expired, missed); a scheduled push that failed, or whose outcome is
 * unknown, at its time (`failed_at_time`); one someone else cancelled (`cancelled`) or moved (`moved`).
 */
export type NotificationKind = "decided" | "failed_at_time" | "cancelled" | "moved";

/** One of an author's pushes that concerns them. */
export type NotificationItem = {
  id: string;
  name: string;
  status: PushStatus;
  kind: NotificationKind;
  /** ISO 8601, UTC: when it happened (finished_at; for a waiting push someone moved, rescheduled_at). */
  at: string;
  /** Who did it: the approver, rejecter, canceller or mover's username; null when the console did (expired, missed, failed at its time). */
  by: string | null;
  /** Why, when someone said: a rejection's or a cancellation's reason. */
  reason: string | null;
  /** ISO 8601, UTC: when a scheduled push goes (or went) out. */
  scheduled_at: string | null;
  /** The display name of `by`, when they have one (lib/text/person.ts). */
  names?: PeopleNames;
};

export type Notifications = {
  /** Decided after the user last read the list (POST /api/notifications/seen). */
  unread: number;
  /** The latest few, newest first; empty for users who send nothing. */
  items: NotificationItem[];
  /** Pushes waiting for a supervisor other than their author; null for users who do not approve. */
  awaitingApproval: number | null;
};

const decider = (item: NotificationItem) => (item.by ? personName(item.by, item.names) : "审核人");
const when = (item: NotificationItem) => (item.scheduled_at ? `北京时间 ${formatChinaListTime(item.scheduled_at)}` : "");

/** The one line the list shows for an item. */
export function notificationText(item: NotificationItem): string {
  const name = `「${item.name}」`;
  switch (item.kind) {
    case "failed_at_time":
      return item.status === "unknown"
        ? `${name}到定时时间发出时结果不明，请先核实，不要直接重发。`
        : `${name}到定时时间发送失败，没有发出，请查看记录。`;
    case "cancelled":
      return zh`${name}的定时发送被${decider(item)}取消，没有发出` + (item.reason ? `：${item.reason}` : "。");
    case "moved":
      return item.status === "sent"
        ? zh`${name}已按${decider(item)}改定的时间发出（${when(item)}）。`
        : zh`${name}的定时时间被${decider(item)}改为${when(item)}。`;
    default:
      return decidedText(item, name);
  }
}

function decidedText(item: NotificationItem, name: string): string {
  switch (item.status) {
    case "sent":
      return zh`${name}已由${decider(item)}批准并发出。`;
    case "failed":
      return `${name}已获批准，但发送失败，请查看记录。`;
    case "unknown":
      return `${name}已获批准，但发送结果不明，请先核实，不要直接重发。`;
    case "rejected":
      return zh`${name}被${decider(item)}驳回：${item.reason ?? "未写理由"}`;
    case "expired":
      return `${name}审批晚于定时时间，已过期，没有发出。`;
    case "missed":
      return `${name}定时时间到时控制台没有运行，已错过，没有发出。`;
    default:
      return `${name}有新进展。`;
  }
}
