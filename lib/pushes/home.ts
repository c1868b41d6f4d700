import type { AuditAction } from "@/lib/auth/audit-actions";
import type { PushRecord, PushStatus } from "@/lib/validations/push-record";

// The home page's data (lib/server/home.ts reads it; components/home draws it).

/** What an editor still waits on: a supervisor's decision or the push's time. `/?pending=` narrows it. */
export const PENDING_FILTERS = ["scheduled", "pending_approval"] as const satisfies readonly PushStatus[];
export type PendingFilter = (typeof PENDING_FILTERS)[number];

export type AuditLine = { at: string; actor: string | null; ip: string | null; action: AuditAction; target: string | null };

export type Home = {
  supervisor?: { awaiting: PushRecord[]; awaitingTotal: number; recentSends: PushRecord[] };
  editor?: { pending: PushRecord[]; filter: PendingFilter | null; recent: PushRecord[] };
  admin?: { signInFailures: AuditLine[]; userChanges: AuditLine[] };
};
