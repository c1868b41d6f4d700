import * as z from "zod/mini";
import { SETTLE_NOTE_MAX, SETTLE_OUTCOMES } from "@/lib/validations/push-labels";

/** POST /api/pushes/:id/settle, and the settle dialog's form: one schema for both. */
export const settleSchema = z.object({
  outcome: z.enum(SETTLE_OUTCOMES, "请选择核实结果：已确认发出或已确认未发出"),
  note: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, "请写明怎样核实的（例如向传播通平台确认的结果），以便日后查证"),
      z.maxLength(SETTLE_NOTE_MAX, `说明最多 ${SETTLE_NOTE_MAX} 个字`),
    ),
});
export type SettleInput = z.output<typeof settleSchema>;
