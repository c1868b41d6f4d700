"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { ErrorText } from "@/components/ui/error-text";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { ApiError } from "@/lib/api/fetch-json";
import { useChange } from "@/lib/api/use-change";
import { decideApproval, type ApprovalDecision } from "@/lib/auth/approvals-api";
import { recordReachText } from "@/lib/pushes/display";
import { rejectReasonSchema, type RejectInput } from "@/lib/validations/approval";
import { NOTIFY_WAY_LABELS } from "@/lib/validations/push-labels";
import type { DecisionKind } from "@/components/admin/approval-card";
import type { PushRecord } from "@/lib/validations/push-record";

// 批准并发送 / 驳回, asked once more with what will happen. Loaded on demand with its schema (zod):
// the 待审批 page's first load carries neither.

export type Decision = { record: PushRecord; kind: DecisionKind };

const decided = (decision: ApprovalDecision) => decideApproval(decision).then(() => true);

/**
 * What the desk keeps by record while the dialog comes and goes: the 驳回理由 typed so far, and the
 * record's rescheduled_at as the page first showed it (approval-desk.tsx), which a decision is on.
 */
export type Kept = { reasons: Map<string, string>; shown: Map<string, string | null> };

type DialogProps = {
  decision: Decision | null;
  kept: Kept;
  onClose: () => void;
  onDone: (message: string) => void;
};

export function DecisionDialog({ decision, ...props }: DialogProps) {
  const { onClose } = props;
  return (
    <Dialog open={decision !== null} title={decision?.kind === "approve" ? "批准并发送这条推送？" : "驳回这条推送"} onClose={onClose}>
      {/* A fresh form (and request state) for every decision opened. */}
      {decision && <DecisionForm key={`${decision.record.id}-${decision.kind}`} decision={decision} {...props} />}
    </Dialog>
  );
}

function DecisionForm({ decision, kept, onClose, onDone }: DialogProps & { decision: Decision }) {
  const { reasons, shown } = kept;
  const { record, kind } = decision;
  const decide = useChange(decided);
  const { register, handleSubmit, formState } = useForm<RejectInput>({
    resolver: kind === "reject" ? zodResolver(rejectReasonSchema) : undefined,
    defaultValues: { reason: reasons.get(record.id) ?? "" },
  });
  const busy = formState.isSubmitting;
  // Decided meanwhile (its author withdrew it, or another supervisor was first): nothing is left to
  // confirm, so the dialog says what became of it and offers only 返回列表, which takes the focus.
  // Changed since the page first showed it (its author's 保存修改, a 修改时间): the card behind shows
  // what changed, and that is what to decide on, once read: again only 返回列表.
  const changed = decide.error instanceof ApiError && decide.error.code === "push_changed";
  const gone = changed || (decide.error instanceof ApiError && decide.error.code === "not_pending_approval");
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Told, and sent back to the card: the next decision is on the version it showed when opened (or is refused again).
    if (changed) shown.set(record.id, record.rescheduled_at);
    if (gone) close.current?.focus();
  }, [changed, gone, shown, record]);

  const submit = handleSubmit(async ({ reason }) => {
    // A failure is shown from decide.error (useChange renders the list again after a 409: decided meanwhile).
    const seen = { id: record.id, rescheduled_at: (shown.has(record.id) ? shown.get(record.id) : record.rescheduled_at) ?? null };
    if (await decide.mutate(kind === "approve" ? { ...seen, kind } : { ...seen, kind, reason })) {
      reasons.delete(record.id);
      onDone(kind === "approve" ? `已批准并发出「${record.name}」。` : `已驳回「${record.name}」。`);
    }
  });

  return (
    <form noValidate onSubmit={submit} className="space-y-3">
      <p className="text-sm">
        「{record.name}」，{NOTIFY_WAY_LABELS[record.notify_way]}，{recordReachText(record)}。
        {kind === "approve" ? "批准后立即发出，无法撤回。" : "驳回后不会发出，编辑会在推送记录中看到你的理由。"}
      </p>
      {kind === "reject" && (
        <Field id="reject-reason" label="驳回理由" required error={formState.errors.reason?.message}>
          <Textarea
            rows={3}
            maxLength={200}
            data-autofocus
            {...register("reason", { onChange: (event) => reasons.set(record.id, event.target.value) })}
          />
        </Field>
      )}
      {decide.error && (
        <Alert variant={gone ? "warning" : "error"}>
          <ErrorText error={decide.error} />
        </Alert>
      )}
      {gone ? (
        <div className="flex justify-end">
          <Button ref={close} variant="secondary" onClick={onClose}>
            返回列表
          </Button>
        </div>
      ) : (
        <DialogActions
          onCancel={onClose}
          busy={busy}
          label={kind === "approve" ? "确认批准并发送" : "确认驳回"}
          busyLabel="正在提交…"
          variant={kind === "approve" ? "primary" : "danger"}
          cancelFirst={kind === "approve"}
        />
      )}
    </form>
  );
}
