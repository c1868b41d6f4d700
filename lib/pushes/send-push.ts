import { ApiError, sendJson } from "@/lib/api/fetch-json";
import type { SendOutcome } from "@/lib/compose/draft";
import type { Push } from "@/lib/validations/push";
import type { PushCreated, PushHeld, PushScheduled } from "@/lib/validations/push-record";

// POST /api/pushes and /api/pushes/test: one push, under the Idempotency-Key the composer keeps.

/** 201 sent, or 202 held for a supervisor's approval (the approval policy in the options file) or scheduled. */
export type SendAnswer = PushCreated | PushHeld | PushScheduled;

/** When and how it goes out: 定时 (scheduled_at) and 免打扰's reason; none for a test send. */
export type SendTimeBody = { scheduled_at?: string; quiet_hours_reason?: string };

export function sendPush(push: Push, key: string, target: "real" | "test", time: SendTimeBody = {}): Promise<SendAnswer> {
  const url = target === "test" ? "/api/pushes/test" : "/api/pushes";
  return sendJson<SendAnswer>("POST", url, target === "test" ? push : { ...push, ...time }, { "idempotency-key": key });
}

/**
 * What a failure means for the push: "failed" only when it surely did not go out (the server said so,
 * or refused the input); anything else (a timeout, a lost connection, a send still in flight) may
 * have reached people.
 */
export function outcomeOf(error: unknown): Extract<SendOutcome, "failed" | "unknown"> {
  if (!(error instanceof ApiError)) return "unknown";
  if (error.push?.status === "unknown" || error.push?.status === "pending") return "unknown";
  if (error.push?.status === "failed") return "failed";
  if (error.code === "upstream_rejected" || error.code === "invalid_request" || error.code === "idempotency_mismatch") return "failed";
  return error.status >= 400 && error.status < 500 && error.status !== 409 ? "failed" : "unknown";
}
