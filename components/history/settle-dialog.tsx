"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type Resolver } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { ErrorText } from "@/components/ui/error-text";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { useChange } from "@/lib/api/use-change";
import { settlePush } from "@/lib/pushes/push-fetch";
import { SETTLE_NOTE_MAX, SETTLE_OUTCOME_LABELS, SETTLE_OUTCOMES } from "@/lib/validations/push-labels";
import { settleSchema, type SettleInput } from "@/lib/validations/settle";
import type { PushRecord } from "@/lib/validations/push-record";

// 核实结果不明: after checking with the vendor, record what it confirmed, with how it was checked.
// Loaded on demand with its schema: most records are not unknown.

type Values = { outcome: SettleInput["outcome"] | ""; note: string };

export function SettleDialog(props: { record: PushRecord | null; onClose: () => void; onDone: (message: string) => void }) {
  const { record, onClose, onDone } = props;
  return (
    <Dialog open={record !== null} title="核实推送结果" onClose={onClose}>
      {record && <SettleForm key={record.id} record={record} onClose={onClose} onDone={onDone} />}
    </Dialog>
  );
}

function SettleForm({ record, onClose, onDone }: { record: PushRecord; onClose: () => void; onDone: (message: string) => void }) {
  const settle = useChange(settlePush);
  const { register, handleSubmit, formState } = useForm<Values, unknown, SettleInput>({
    resolver: zodResolver(settleSchema) as unknown as Resolver<Values, unknown, SettleInput>,
    defaultValues: { outcome: "", note: "" },
  });
  const { errors, isSubmitting } = formState;
  const submit = handleSubmit(async (input) => {
    // A failure is shown from settle.error; someone may have settled it first (the page renders again).
    if (await settle.mutate({ id: record.id, input })) {
      onDone(`已记录「${record.name}」的核实结果：${SETTLE_OUTCOME_LABELS[input.outcome]}。`);
    }
  });
  return (
    <form noValidate onSubmit={submit} className="space-y-3">
      <p className="text-sm">「{record.name}」的结果不明。请先向传播通平台或接收人核实，再记录结果；记录后不能再改。</p>
      <fieldset aria-describedby={errors.outcome ? "settle-outcome-error" : undefined}>
        <legend className="mb-1 text-sm font-medium">
          核实结果<span className="text-red-700">（必选）</span>
        </legend>
        <div className="flex flex-wrap gap-4">
          {SETTLE_OUTCOMES.map((outcome, index) => (
            <label key={outcome} className="flex items-center gap-1.5 text-sm">
              <input type="radio" value={outcome} {...register("outcome")} data-autofocus={index === 0 ? true : undefined} />
              {SETTLE_OUTCOME_LABELS[outcome]}
            </label>
          ))}
        </div>
        {errors.outcome && (
          <p id="settle-outcome-error" className="mt-1 text-sm text-red-700">
            {errors.outcome.message}
          </p>
        )}
      </fieldset>
      <Field id="settle-note" label="核实说明" required hint={`怎样核实的，最多 ${SETTLE_NOTE_MAX} 个字`} error={errors.note?.message}>
        <Textarea rows={3} maxLength={SETTLE_NOTE_MAX} {...register("note")} />
      </Field>
      {settle.error && (
        <Alert variant="error">
          <ErrorText error={settle.error} />
        </Alert>
      )}
      <DialogActions onCancel={onClose} busy={isSubmitting} label="记录核实结果" busyLabel="正在记录…" />
    </form>
  );
}
