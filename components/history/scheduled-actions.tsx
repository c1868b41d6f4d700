"use client";

import { useState } from "react";
import { Countdown } from "@/components/history/countdown";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { ConfirmActions } from "@/components/ui/confirm-actions";
import { Dialog } from "@/components/ui/dialog";
import { ErrorText } from "@/components/ui/error-text";
import { Field } from "@/components/ui/field";
import { focusWhenShown } from "@/components/ui/focus";
import { Link } from "@/components/ui/link";
import { TextInput } from "@/components/ui/text-input";
import { Textarea } from "@/components/ui/textarea";
import { ApiError } from "@/lib/api/fetch-json";
import { useChange } from "@/lib/api/use-change";
import { CANCEL_REASON_MISSING, cancelNeedsReason, rescheduleRefusal, waitsForTime } from "@/lib/pushes/actions";
import { RECORD_STATUS_ID } from "@/lib/pushes/display";
import { editRefusal } from "@/lib/pushes/edit-rule";
import { cancelPush, moveScheduledTime } from "@/lib/pushes/push-fetch";
import { chinaLocalInputToIso, toChinaLocalInput, type ScheduleLimits } from "@/lib/pushes/schedule";
import { scheduleInputBounds, scheduleWindowText } from "@/lib/pushes/schedule-picker";
import { formatChinaListTime } from "@/lib/text/china-time";
import type { PushRecord } from "@/lib/validations/push-record";

// A push waiting for its time: when it goes out and how long until then; its author or a
// supervisor may cancel it or move its time here; only its author changes its content and time in
// the composer (/compose?edit=<id>, the same record). Loaded on demand, only on such records
// (components/history/record-actions.tsx).

/** `send`, `supervisor`: the viewer's capabilities (can(roles, "send"), can(roles, "approve")). */
export type Viewer = { username: string; supervisor: boolean; send: boolean };

export function ScheduledActions({ record, viewer, limits }: { record: PushRecord; viewer: Viewer; limits: ScheduleLimits }) {
  const cancel = useChange(cancelPush);
  const move = useChange(moveScheduledTime);
  const [asking, setAsking] = useState(false);
  const [local, setLocal] = useState(() => (record.scheduled_at ? toChinaLocalInput(new Date(record.scheduled_at)) : ""));
  const [reason, setReason] = useState("");
  // 取消定时发送 of someone else's push asks why (its author is told); kept if the dialog is closed and opened again.
  const [cancelReason, setCancelReason] = useState("");
  const [reasonMissing, setReasonMissing] = useState(false);
  // 修改时间's result, beside the form; focus goes to it (the button is disabled while the page renders again).
  const [moved, setMoved] = useState<string | null>(null);
  if (!waitsForTime(record) || !record.scheduled_at) return null;
  const author = record.sent_by === viewer.username;
  const mayMove = rescheduleRefusal(record, viewer.username, { send: viewer.send, approve: viewer.supervisor }) === null;
  // 免打扰: the server said the new time falls in the window; 仍然发送 needs a reason.
  const quiet = move.error instanceof ApiError && move.error.code === "quiet_hours";
  const when = formatChinaListTime(record.scheduled_at);
  const needsReason = cancelNeedsReason(record, viewer.username);
  const reasonError = reasonMissing ? CANCEL_REASON_MISSING : cancel.error instanceof ApiError ? cancel.error.fields.reason : undefined;
  const confirmCancel = async () => {
    const why = cancelReason.trim();
    if (needsReason && !why) {
      setReasonMissing(true);
      return focusWhenShown(() => document.getElementById("cancel-reason"));
    }
    // Done: this whole block goes as the record renders again, cancelled; its status says so.
    if (await cancel.mutate({ id: record.id, reason: needsReason ? why : undefined })) {
      focusWhenShown(() => document.getElementById(RECORD_STATUS_ID));
    } else {
      focusWhenShown(
        () => document.querySelector<HTMLElement>('#cancel-reason[aria-invalid="true"]') ?? document.getElementById("cancel-error"),
      );
    }
  };
  return (
    <Alert
      variant="info"
      role="none"
      title={`定时发送：北京时间 ${when}`}
      action={
        (author || viewer.supervisor) && (
          <Button
            onClick={() => {
              cancel.reset();
              setAsking(true);
            }}
          >
            取消定时发送
          </Button>
        )
      }
    >
      <p>
        <Countdown at={record.scheduled_at} />
        {record.status === "pending_approval" ? "；须在此前获审核人批准，否则不会发出。" : "。关闭本页不影响定时发送。"}
      </p>
      {editRefusal(record, viewer.username) === null && viewer.send && (
        <p className="mt-2">
          <Link href={`/compose?edit=${encodeURIComponent(record.id)}`} className={buttonClasses("secondary")}>
            修改内容和时间
          </Link>
        </p>
      )}
      {mayMove && (
        <form
          // The server says why a time is refused, in words (the browser's own bubble would not).
          noValidate
          className="mt-2 flex flex-wrap items-start gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const iso = chinaLocalInputToIso(local);
            if (!iso) return;
            setMoved(null);
            void move.mutate({ id: record.id, scheduledAt: iso, quietHoursReason: quiet ? reason : undefined }).then((answer) => {
              // Refused (too soon, too late, 免打扰): the button was disabled while it worked; focus goes
              // to why, so a keyboard or screen reader meets it where the answer is.
              // (For 免打扰, to the reason it now asks for.)
              if (!answer)
                return focusWhenShown(
                  () => document.getElementById("reschedule_quiet_reason") ?? document.getElementById("reschedule-error"),
                );
              setMoved(`已改到北京时间 ${formatChinaListTime(iso)}，到时发出。`);
              focusWhenShown(() => document.getElementById("reschedule-done"));
            });
          }}
        >
          <Field id="reschedule_at" label="改到（北京时间）" required hint={scheduleWindowText(limits)} className="sm:max-w-xs">
            {/* Rendered only in the browser (on demand): the bounds are from this clock, as the composer's. */}
            <TextInput
              type="datetime-local"
              {...scheduleInputBounds(new Date(), limits)}
              value={local}
              onChange={(e) => setLocal(e.target.value)}
            />
          </Field>
          {quiet && (
            <Field id="reschedule_quiet_reason" label="仍然发送的理由" required className="sm:max-w-xs">
              <TextInput value={reason} onChange={(e) => setReason(e.target.value)} />
            </Field>
          )}
          <button
            type="submit"
            // Beside the input, not its hint: below the label on a wide screen, under the field on a narrow one.
            className={`${buttonClasses("secondary")} sm:mt-6.5`}
            disabled={move.isPending || !chinaLocalInputToIso(local) || (quiet && !reason.trim())}
          >
            {move.isPending ? "正在保存…" : "修改时间"}
          </button>
        </form>
      )}
      {move.error ? (
        <Alert id="reschedule-error" tabIndex={-1} variant="error" className="mt-2">
          <ErrorText error={move.error} />
        </Alert>
      ) : (
        moved && (
          <Alert id="reschedule-done" tabIndex={-1} variant="success" className="mt-2">
            {moved}
          </Alert>
        )
      )}
      <Dialog
        open={asking}
        title={`取消「${record.name}」的定时发送？`}
        onClose={() => setAsking(false)}
        locked={cancel.isPending}
        footer={
          <ConfirmActions
            safeLabel="不取消"
            label="确认取消，不发送"
            busyLabel="正在取消…"
            busy={cancel.isPending}
            onCancel={() => setAsking(false)}
            onConfirm={() => void confirmCancel()}
          />
        }
      >
        <div className="space-y-3 text-sm">
          <p>
            「{record.name}」原定北京时间 <span className="whitespace-nowrap">{when}</span>{" "}
            发出。取消后不会发出，也不能恢复；如仍需发送，请复制为新推送。
          </p>
          {needsReason && (
            <Field id="cancel-reason" label="取消理由" required hint="作者会在通知和推送记录里看到。" error={reasonError}>
              <Textarea
                rows={3}
                maxLength={200}
                data-autofocus
                value={cancelReason}
                onChange={(e) => {
                  setCancelReason(e.target.value);
                  setReasonMissing(false);
                }}
              />
            </Field>
          )}
          {cancel.error && !reasonError && (
            <Alert id="cancel-error" tabIndex={-1} variant="error">
              <ErrorText error={cancel.error} />
            </Alert>
          )}
        </div>
      </Dialog>
    </Alert>
  );
}
