import * as z from "zod/mini";

/** POST /api/approvals/:id/reject, and the reject dialog's form: one schema for both. */
export const rejectSchema = z.object({
  reason: z.string().check(z.trim(), z.minLength(1, "请写明驳回理由，让编辑知道要改什么"), z.maxLength(200, "驳回理由最多 200 个字")),
});
export type RejectInput = z.output<typeof rejectSchema>;
