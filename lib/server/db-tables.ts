import "server-only";
import type { PushStatus } from "@/lib/validations/push-record";
import type { Generated } from "kysely";

// The tables as the query layer sees them, on either store (db/migrations for SQLite,
// db/postgres for PostgreSQL). The console's own columns have one type on both: times as ISO 8601
// text, flags as 0/1, JSON as text. better-auth's tables differ (dates and flags are native types
// on PostgreSQL): their readers take both.

export type PushesTable = {
  seq: Generated<number>;
  id: string;
  idempotency_key: string;
  body_hash: string;
  created_at: string;
  finished_at: string | null;
  notify_way: number;
  name: string;
  chuanbo_group: string;
  body: string;
  status: PushStatus;
  upstream_code: number | null;
  upstream_message: string | null;
  request_id: string | null;
  is_test: number;
  reach: number | null;
  reach_incomplete: number;
  sent_by: string | null;
  answer_status: number | null;
  answer_body: string | null;
  approved_by: string | null;
  approved_at: string | null;
  rejected_by: string | null;
  rejected_at: string | null;
  reject_reason: string | null;
  hold_reasons: string;
  scheduled_at: string | null;
  send_started_at: string | null;
  cancelled_by: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  rescheduled_by: string | null;
  rescheduled_at: string | null;
  quiet_hours_reason: string | null;
  withdrawn_at: string | null;
  settled_by: string | null;
  settled_at: string | null;
  settle_note: string | null;
};

export type AuditTable = {
  seq: Generated<number>;
  at: string;
  actor: string | null;
  ip: string | null;
  action: string;
  target: string | null;
  details: string;
};

export type TemplatesTable = {
  seq: Generated<number>;
  id: string;
  name: string;
  /** The name, under a unique index; NULL only for templates that shared a name before it (db/migrations/013). */
  name_key: string | null;
  notify_way: number;
  body: string;
  search_text: string;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
};

/** A date as better-auth wrote it: ISO text on SQLite, a Date on PostgreSQL. */
export type AuthDate = string | Date;
/** A flag as better-auth wrote it: 0/1 on SQLite, a boolean on PostgreSQL. */
export type AuthFlag = number | boolean;

export type UserTable = {
  id: string;
  name: string;
  email: string;
  username: string | null;
  role: string | null;
  banned: AuthFlag | null;
  banReason: string | null;
  createdAt: AuthDate;
};

export type SessionTable = { id: string; token: string; userId: string; expiresAt: AuthDate };
export type AccountTable = { id: string; userId: string; providerId: string };

export type Tables = {
  pushes: PushesTable;
  audit_log: AuditTable;
  templates: TemplatesTable;
  group_index: { id: number; upstream: string; fetched_at: string; groups: string };
  notification_seen: { username: string; seen_at: string };
  leases: { name: string; holder: string; until: string };
  sign_in_attempts: { id: string; username: string; started: string };
  schema_migrations: { name: string; applied_at: string };
  user: UserTable;
  session: SessionTable;
  account: AccountTable;
};
