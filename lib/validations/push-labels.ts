// The vendor's limits and names, without zod: pages import these and load no schema code.

export const TASK_TAG_MAX = 8;
export const MSG_TEMPLATE_MAX = 70;
export const VOICE_CONTENT_MAX = 500;

/** The console's own maxima, where the vendor sets none: what one push may carry through this console. */
export const NAME_MAX = 50;
export const PUSH_TITLE_MAX = 100;
export const PUSH_CONTENT_MAX = 2000;
export const PUSH_ICON_MAX = 500;
export const LINK_CONTENT_MAX = 500;

export const NOTIFY_WAYS = [1, 2, 3] as const;
export type NotifyWay = (typeof NOTIFY_WAYS)[number];
export const NOTIFY_WAY_LABELS: Record<NotifyWay, string> = { 1: "系统通知", 2: "短信推送", 3: "语音消息" };

/** 2 = 稿件id, 4 = 通知. The vendor struck out 0 (不跳转) and 1 (外链). */
export const LINK_TYPES = [2, 4] as const;
export type LinkType = (typeof LINK_TYPES)[number];
export const LINK_TYPE_LABELS: Record<LinkType, string> = { 2: "稿件", 4: "通知" };

/** What became of a push the console was asked to send (its own record; the vendor keeps none). */
export const PUSH_STATUSES = [
  "pending_approval",
  "scheduled",
  "pending",
  "sent",
  "failed",
  "unknown",
  "rejected",
  "cancelled",
  "expired",
  "missed",
  "withdrawn",
] as const;
export type PushStatus = (typeof PUSH_STATUSES)[number];
export const PUSH_STATUS_LABELS: Record<PushStatus, string> = {
  pending_approval: "待审批",
  pending: "发送中",
  sent: "已发送",
  failed: "失败",
  unknown: "结果不明",
  rejected: "已驳回",
  scheduled: "已定时",
  cancelled: "已取消",
  expired: "已过期",
  missed: "错过",
  withdrawn: "已撤回",
};

/** Why a push that never went out did not, in the words its author reads. */
export const PUSH_STATUS_EXPLANATIONS: Partial<Record<PushStatus, string>> = {
  expired: "审批晚于定时时间，且超过了宽限期，这条推送没有发出。如仍需发送，请复制为新推送。",
  missed: "定时时间到时控制台没有运行，恢复运行时已超过宽限期，这条推送没有发出。如仍需发送，请复制为新推送。",
  cancelled: "这条定时推送在发送前被取消，没有发出；如仍需发送，请复制为新推送。",
  withdrawn: "作者在审批前撤回了这条推送，没有发出。如仍需发送，请复制为新推送。",
};

/** A cancelled push's status when who cancelled it is known (`by`, a person's name), with their reason if any. */
export const cancelledExplanation = (by: string, reason: string | null) =>
  `这条定时推送在发送前被${by}取消${reason ? `（理由：${reason}）` : ""}，没有发出；如仍需发送，请复制为新推送。`;

/** 核实结果不明: what a person found out from the vendor. */
export const SETTLE_OUTCOMES = ["sent", "not_sent"] as const;
export type SettleOutcome = (typeof SETTLE_OUTCOMES)[number];
export const SETTLE_OUTCOME_LABELS: Record<SettleOutcome, string> = { sent: "已确认发出", not_sent: "已确认未发出" };
/** The note that says how it was checked: required, at most this many characters. */
export const SETTLE_NOTE_MAX = 200;

/** 免打扰时段仍然发送的理由: at most this many characters. */
export const QUIET_HOURS_REASON_MAX = 200;
