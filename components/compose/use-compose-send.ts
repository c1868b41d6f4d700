"use client";

import { useRef, useState } from "react";
import { ApiError } from "@/lib/api/fetch-json";
import { newAttempt, planAttempt, type Attempt, type Draft, type SentResult } from "@/lib/compose/draft";
import { bodyFingerprint, type ComposeValues } from "@/lib/compose/values";
import { savePushEdit } from "@/lib/pushes/push-fetch";
import { outcomeOf, sendPush, type SendTimeBody } from "@/lib/pushes/send-push";
import type { ComposeForm } from "@/components/compose/channel-fields";
import type { Group } from "@/lib/validations/group";
import type { PublicOptions } from "@/lib/validations/options";
import type { Push } from "@/lib/validations/push";

// The composer's sending, exactly once: the draft's Idempotency-Key is chosen by planAttempt and
// written as "pending" before the request leaves, so a reload mid-send can never send twice.

export type DraftStore = { current: () => Draft; update: (patch: Partial<Draft>) => void };

export type Failure = { message: string; outcome: "failed" | "unknown"; pushId?: string };

function failureOf(error: unknown): Failure {
  const outcome = outcomeOf(error);
  const api = error instanceof ApiError ? error : undefined;
  const message = api?.message ?? "发送时出了意外错误。";
  return { message, outcome, ...(api?.push?.id ? { pushId: api.push.id } : {}) };
}

/** A reload or crash while a send was in flight: the answer never arrived. */
function restoredFailure(send: Attempt): Failure | null {
  if (send.outcome === "pending") return { message: "上次发送时页面被关闭或刷新，没有收到结果。", outcome: "unknown" };
  if (send.outcome === "unknown") return { message: "上次发送的结果不明。", outcome: "unknown" };
  return null;
}

export function useComposeSend(props: {
  form: ComposeForm;
  store: DraftStore;
  groups: Group[];
  options: PublicOptions | undefined;
  /** 发送时间: what the request carries, or why it cannot go yet (then the confirmation does not open). */
  sendTime: { body: SendTimeBody; blocked: string | null; onBlocked: () => void };
  onSent: (result: SentResult) => void;
  /** 修改定时推送: the scheduled push this form changes (PATCH, the same record) instead of a new one. */
  editing?: string;
}) {
  const { form, store, groups, options, sendTime, onSent, editing } = props;
  // Which request is out, and how the last real send, test send and save ended (null: not asked / cleared).
  const [sending, setSending] = useState<"real" | "test" | null>(null);
  const [realError, setRealError] = useState<unknown>(null);
  const [test, setTest] = useState<{ ok: true } | { ok: false; error: unknown } | null>(null);
  const [saveError, setSaveError] = useState<Error | null>(null);
  // The send time is part of what a key was used for: another time is another request.
  const fingerprint = (push: Push) => `${bodyFingerprint(push)}|${sendTime.body.scheduled_at ?? ""}`;
  // Set and cleared synchronously: a second click cannot start a second send before React re-renders.
  const inFlight = useRef(false);
  const [confirming, setConfirming] = useState<{ push: Push; unsure: boolean } | null>(null);
  const [restored, setRestored] = useState(() => restoredFailure(store.current().send));

  const showServerFields = (error: unknown) => {
    if (!(error instanceof ApiError)) return;
    const values = store.current().values;
    for (const [name, message] of Object.entries(error.fields)) {
      if (name in values) form.setError(name as keyof ComposeValues, { type: "server", message });
    }
  };

  const openConfirm = form.handleSubmit((push) => {
    if (sendTime.blocked) return sendTime.onBlocked();
    const plan = planAttempt(store.current().send, fingerprint(push));
    setConfirming({ push, unsure: !editing && plan.kind === "unsure" });
  });

  /** A change of a scheduled push: the same record, no key (PATCH changes it or says why not). */
  const saveEdit = async (id: string, push: Push) => {
    inFlight.current = true;
    setSending("real");
    setSaveError(null);
    try {
      const record = await savePushEdit({
        id,
        push,
        scheduledAt: sendTime.body.scheduled_at ?? "",
        quietHoursReason: sendTime.body.quiet_hours_reason,
      });
      const status = record.status === "pending_approval" ? "pending_approval" : "scheduled";
      onSent({ id, status, requestId: null, scheduledAt: record.scheduled_at, sentAt: new Date().toISOString(), push, groups });
    } catch (error) {
      setSaveError(error as Error);
      showServerFields(error);
      setConfirming(null);
    } finally {
      inFlight.current = false;
      setSending(null);
    }
  };

  const send = async () => {
    if (!confirming || inFlight.current) return;
    if (editing) return saveEdit(editing, confirming.push);
    const { push, unsure } = confirming;
    const body = fingerprint(push);
    const plan = planAttempt(store.current().send, body);
    if (plan.kind === "unsure" && !unsure) return setConfirming({ push, unsure: true });
    inFlight.current = true;
    // An "unsure" confirmed in the dialog is the editor's decision to send this as a new push.
    const attempt: Attempt = plan.kind === "send" ? plan.attempt : { ...newAttempt(), body };
    // Recorded before the request, so a reload mid-send knows a send may be under way.
    store.update({ send: { ...attempt, outcome: "pending" } });
    setRestored(null);
    setRealError(null);
    setSending("real");
    try {
      const answer = await sendPush(push, attempt.key, "real", sendTime.body);
      const result: SentResult = {
        id: answer.id,
        status: answer.status,
        requestId: answer.status === "sent" ? answer.requestId : null,
        scheduledAt: answer.status === "sent" ? null : (answer.scheduledAt ?? null),
        sentAt: new Date().toISOString(),
        push,
        groups,
      };
      store.update({ send: { ...attempt, outcome: "sent" }, result });
      onSent(result);
    } catch (error) {
      store.update({ send: { ...attempt, outcome: failureOf(error).outcome } });
      setRealError(error ?? new Error());
      showServerFields(error);
      setConfirming(null);
    } finally {
      inFlight.current = false;
      setSending(null);
    }
  };

  const sendTest = form.handleSubmit(async (push) => {
    if (inFlight.current) return;
    inFlight.current = true;
    const body = bodyFingerprint(push);
    const plan = planAttempt(store.current().test, body);
    // Only the newsroom's own phones get a test: a changed test after an unclear one may go out anew.
    const attempt: Attempt = plan.kind === "send" ? plan.attempt : { ...newAttempt(), body };
    store.update({ test: { ...attempt, outcome: "pending" } });
    setTest(null);
    setSending("test");
    try {
      await sendPush(push, attempt.key, "test");
      store.update({ test: { ...attempt, outcome: "sent" } });
      setTest({ ok: true });
    } catch (error) {
      store.update({ test: { ...attempt, outcome: outcomeOf(error) } });
      setTest({ ok: false, error });
      showServerFields(error);
    } finally {
      inFlight.current = false;
      setSending(null);
    }
  });

  const sendAsNew = () => {
    store.update({ send: newAttempt() });
    setRealError(null);
    setRestored(null);
    void openConfirm();
  };

  const testNotice = test?.ok
    ? { ok: true, message: `已发送到测试组（用户组 #${options?.testGroupId ?? "?"}），请在测试手机上查看。` }
    : test
      ? { ok: false, message: `测试发送失败：${failureOf(test.error).message}` }
      : null;

  return {
    confirming,
    closeConfirm: () => setConfirming(null),
    openConfirm,
    send,
    sendTest,
    sendAsNew,
    sending,
    failure: editing ? null : realError !== null ? failureOf(realError) : sending === "real" ? null : restored,
    /** Why a change was not saved (nothing changed on the record). */
    saveError,
    testNotice,
  };
}
