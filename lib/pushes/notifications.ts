import { personName, type PeopleNames } from "@/lib/text/person";
import { zh } from "@/lib/text/zh";
import type { PushStatus } from "@/lib/validations/push-labels";

// GET /api/notifications: what concerns the signed-in user, shared by the route and the header.

/** One of an author's pushes that someone (or the console) decided. */
export type NotificationItem = {
  id: string;
  name: string;
  status: PushStatus;
  /** ISO 8601, UTC: when it was decided (finished_at). */
  at: string;
  /** Who decided it: the approver's or rejecter's username; null when the console did (expired, missed). */
  by: string | null;
  reject_reason: string | null;
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

/** The one line the list shows for an item. */
export function notificationText(item: NotificationItem): string {
  switch (item.status) {
    case "sent":
      return zh`「${item.name}」已由${decider(item)}批准并发出。`;
    case "failed":
      return `「${item.name}」已获批准，但发送失败，请查看记录。`;
    case "unknown":
      return `「${item.name}」已获批准，但发送结果不明，请先核实，不要直接重发。`;
    case "rejected":
      return zh`「${item.name}」被${decider(item)}驳回：${item.reject_reason ?? "未写理由"}`;
    case "expired":
      return `「${item.name}」审批晚于定时时间，已过期，没有发出。`;
    case "missed":
      return `「${item.name}」定时时间到时控制台没有运行，已错过，没有发出。`;
    default:
      return `「${item.name}」有新进展。`;
  }
}
