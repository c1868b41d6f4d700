import * as z from "zod/mini";

/**
 * What a supervisor decided on (POST /api/approvals/:id/approve, and with a reason …/reject): the
 * record's `rescheduled_at` as they read it, null if it had never been changed. Its author may change
 * a held push's content or time meanwhile (保存修改), a supervisor its time (修改时间): a decision on
 * a version other than the one read is refused (409 push_changed). A concurrency check, not a proof
 * of reading. Optional here only so that its absence (a page from before it was asked) gets an
 * answer saying what to do (lib/server/pushes/approvals.ts); it is required.
 */
export const DECISION_BASIS_INVALID = "rescheduled_at 须是你审阅时这条推送的 rescheduled_at 原样（从未修改过的填 null）。";
export const decisionSchema = z.object({
  rescheduled_at: z.optional(z.nullable(z.string({ error: DECISION_BASIS_INVALID }).check(z.maxLength(40, DECISION_BASIS_INVALID)))),
});
export type DecisionBasis = z.output<typeof decisionSchema>;

/** The reject dialog's form. */
export const rejectReasonSchema = z.object({
  reason: z.string().check(z.trim(), z.minLength(1, "请写明驳回理由，让编辑知道要改什么"), z.maxLength(200, "驳回理由最多 200 个字")),
});
export type RejectInput = z.output<typeof rejectReasonSchema>;

/** POST /api/approvals/:id/reject: the form's reason and what was decided on. */
export const rejectSchema = z.extend(decisionSchema, rejectReasonSchema.shape);
export type RejectDecision = z.output<typeof rejectSchema>;

const CANCEL_REASON_MAX = 200;

/**
 * POST /api/pushes/:id/cancel, and the cancel dialog: why, when it is someone else's push (whether
 * it is asked is lib/pushes/actions.ts's cancelNeedsReason, per record). Empty is no reason.
 */
export const cancelSchema = z.object({
  reason: z.optional(z.string().check(z.trim(), z.maxLength(CANCEL_REASON_MAX, `取消理由最多 ${CANCEL_REASON_MAX} 个字`))),
});
export type CancelInput = z.output<typeof cancelSchema>;
