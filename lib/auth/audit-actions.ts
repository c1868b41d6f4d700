import type { Page } from "@/lib/api/page";

// What the audit log (审计日志) records, with the names people read; shared by the server and /admin/audit.
// No zod here: /admin/audit's page imports this, and the query's schema is lib/validations/audit.ts.

export const AUDIT_ACTIONS = [
  "sign_in",
  "sign_in_failed",
  "sign_out",
  "access_denied",
  "push_sent",
  "push_failed",
  "push_unknown",
  "push_held",
  "push_limited",
  "push_approved",
  "push_rejected",
  "push_scheduled",
  "push_rescheduled",
  "push_cancelled",
  "push_expired",
  "push_missed",
  "push_withdrawn",
  "push_settled",
  "user_created",
  "user_roles_changed",
  "user_disabled",
  "user_enabled",
  "user_password_reset",
  "demo_account_retired",
  "template_created",
  "template_updated",
  "template_deleted",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  sign_in: "登录",
  sign_in_failed: "登录失败",
  sign_out: "退出登录",
  access_denied: "拒绝访问",
  push_sent: "推送已发送",
  push_failed: "推送失败",
  push_unknown: "推送结果不明",
  push_held: "推送待审批",
  push_limited: "推送超出限额",
  push_approved: "批准推送",
  push_rejected: "驳回推送",
  push_scheduled: "推送已定时",
  push_rescheduled: "修改定时推送",
  push_cancelled: "取消定时推送",
  push_expired: "定时推送过期",
  push_missed: "定时推送错过",
  push_withdrawn: "撤回推送",
  push_settled: "核实推送结果",
  user_created: "新增用户",
  user_roles_changed: "修改角色",
  user_disabled: "停用用户",
  user_enabled: "启用用户",
  user_password_reset: "重置密码",
  demo_account_retired: "停用演示账号",
  template_created: "新建模板",
  template_updated: "修改模板",
  template_deleted: "删除模板",
};

export type AuditEntry = {
  seq: number;
  /** ISO 8601, UTC. */
  at: string;
  actor: string | null;
  ip: string | null;
  action: AuditAction;
  target: string | null;
  details: Record<string, unknown>;
  /** The details in words (lib/auth/audit-details.ts), added when the log is served as JSON. */
  summary?: string;
};

export type AuditPage = Page<AuditEntry>;
