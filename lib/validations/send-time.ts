import * as z from "zod/mini";
import { parseScheduledAt } from "@/lib/pushes/schedule";
import { policyFieldsSchema, pushSchema, type Push } from "@/lib/validations/push";
import { QUIET_HOURS_REASON_MAX } from "@/lib/validations/push-labels";

// POST /api/pushes and PATCH /api/pushes/:id: the push, and when and how it goes out. The push's own
// rules are pushSchema's; the time's are lib/pushes/schedule.ts's, which the composer uses too. How
// far ahead it must be is checked for a new push only (lib/server/pushes/schedule.ts): a retry of
// a scheduled push after its time replays the answer.

const NOT_ISO = "scheduled_at 须是带时区的 ISO 8601 时间，例如 2026-05-01T07:30:00+08:00";

export function sendTimeSchema() {
  return z.object({
    scheduled_at: z.optional(
      z.nullable(
        z.pipe(
          z.string({ error: NOT_ISO }),
          z.transform((raw, ctx) => {
            const at = parseScheduledAt(raw.trim());
            if (!at) {
              ctx.issues.push({ code: "custom", input: raw, message: NOT_ISO });
              return z.NEVER;
            }
            return at;
          }),
        ),
      ),
    ),
    quiet_hours_reason: z
      .optional(
        z.pipe(
          z.string(),
          z.transform((v) => v.trim() || undefined),
        ),
      )
      .check(
        z.refine((v) => v === undefined || [...v].length <= QUIET_HOURS_REASON_MAX, {
          error: `免打扰时段仍然发送的理由最多 ${QUIET_HOURS_REASON_MAX} 个字`,
        }),
      ),
  });
}

export type SendTime = { scheduled_at?: Date | null; quiet_hours_reason?: string };

/** The push and its send time in one body. */
export const pushRequestSchema = z.intersection(pushSchema, sendTimeSchema());

/** Splits a parsed request into the push (exactly what goes to the vendor) and its send time. */
export function splitSendTime(body: Push & SendTime): { push: Push; sendTime: SendTime } {
  const { scheduled_at, quiet_hours_reason, ...push } = body;
  return { push: push as Push, sendTime: { scheduled_at, quiet_hours_reason } };
}

/**
 * POST /api/pushes/preflight: the draft's channel, groups and 消息类型, and its send time;
 * `rescheduling`: the id of the scheduled push the draft changes.
 */
export const preflightRequestSchema = z.intersection(
  z.intersection(policyFieldsSchema, sendTimeSchema()),
  z.object({ rescheduling: z.optional(z.string({ error: "rescheduling 须是推送记录的 id" }).check(z.minLength(1), z.maxLength(100))) }),
);
