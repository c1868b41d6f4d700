import "server-only";
import { MAY_HAVE_GONE } from "@/lib/pushes/unknown-outcome";
import { recordAudit } from "@/lib/server/audit";
import { serverConfig } from "@/lib/server/config";
import { logger } from "@/lib/server/log";
import { channelOf, metrics } from "@/lib/server/metrics";
import { auditOf } from "@/lib/server/pushes/policy";
import type { AuditDetails } from "@/lib/auth/audit-details";
import type { Actor } from "@/lib/server/actor";
import type { Outcome, PushStore } from "@/lib/server/pushes/store";
import type { PushErrorBody, PushRecord } from "@/lib/validations/push-record";

// Recording a push's outcome, and settling one whose send was abandoned (the server stopped while
// waiting for the upstream): one way, for the request that finds it and the sweep alike.

/**
 * The client aborts every upstream call at the timeout, so a send still pending this long after
 * the timeout was left by a server that stopped mid-send; the margin covers recording the outcome.
 */
const ABANDONED_MARGIN_MS = 5_000;

/** Pending records whose send started before this were abandoned. */
export function abandonedBefore(now = Date.now()): Date {
  return new Date(now - serverConfig().timeoutMs - ABANDONED_MARGIN_MS);
}

/** An approved push starts sending when approved, a scheduled one when claimed: maybe long after it was written. */
export function isAbandoned(record: PushRecord, now = Date.now()): boolean {
  const started = record.send_started_at ?? record.approved_at ?? record.created_at;
  return record.status === "pending" && Date.parse(started) < abandonedBefore(now).getTime();
}

/** The audit entry of an outcome; actor null when the console itself settled it. */
export async function auditOutcome(record: PushRecord, actor: Actor | null, outcome: Outcome, extra: AuditDetails = {}): Promise<void> {
  metrics().pushes.inc({ channel: channelOf(record.body.notify_way), outcome: outcome.status, test: String(record.is_test) });
  const base = auditOf(record, actor);
  await recordAudit({
    ...base,
    action: `push_${outcome.status}`,
    details: {
      ...base.details,
      upstream_code: outcome.upstreamCode,
      upstream_message: outcome.upstreamMessage,
      request_id: outcome.requestId,
      ...extra,
    },
  });
}

/** Records the outcome of a pending push: false if it was no longer pending. A failed write is logged, never thrown. */
export async function finishRecord(store: PushStore, record: PushRecord, outcome: Outcome): Promise<boolean | "not_written"> {
  try {
    return await store.finish(record.id, outcome);
  } catch (error) {
    logger().error({ err: error, pushId: record.id, outcome: outcome.status }, "push outcome not written");
    return "not_written";
  }
}

/**
 * Settles an abandoned send as unknown, never resending it: the editor is told to check before
 * sending again. Audited once, by whoever settles it first.
 */
export async function settleAbandoned(store: PushStore, record: PushRecord, actor: Actor | null): Promise<Outcome> {
  const message = `控制台在等待传播通应答时中断了。${MAY_HAVE_GONE}`;
  const body: PushErrorBody = { error: { code: "upstream_timeout", message, pushId: record.id, status: "unknown" } };
  const outcome: Outcome = {
    status: "unknown",
    upstreamCode: null,
    upstreamMessage: message,
    requestId: null,
    answer: { status: 504, body },
  };
  if ((await finishRecord(store, record, outcome)) !== false) await auditOutcome(record, actor, outcome, { settled: "abandoned" });
  return outcome;
}
