import * as z from "zod/mini";

/** POST /api/approvals/:id/reject, and the reject dialog's form: one schema for both. */
export const rejectSchema = z.object({
  reason: z.string().check(z.trim(), z.minLength(1, "请写明驳回理由，让编辑知道要改什么"), z.maxLength(200, "驳回理由最多 200 个字")),
});
export type RejectInput = z.output<typeof rejectSchema>;

const CANCEL_REASON_MAX = 200;

/**
 * POST /api/pushes/:id/cancel, and the cancel dialog: why, when it is someone else's push (whether
 * it is asked is lib/pushes/actions.ts's cancelNeedsReason, per record). Empty is no reason.
 */
export const cancelSchema = z.object({
  reason: z.optional(z.string().check(z.trim(), z.maxLength(CANCEL_REASON_MAX, `取消理由最多 ${CANCEL_REASON_MAX} 个字`))),
});
export type CancelInput = z.output<typeof cancelSchema>;
