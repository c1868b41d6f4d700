"use client";

import { useRef, useState, type Dispatch, type RefObject, type SetStateAction } from "react";
import type { ComposeForm } from "@/components/compose/channel-fields";
import type { Attempt, Draft, SentResult } from "@/lib/compose/draft";
import type { SendTimeChoice } from "@/lib/compose/send-time-choice";
import type { SendTimeBody } from "@/lib/pushes/send-push";
import type { Group } from "@/lib/validations/group";
import type { PublicOptions } from "@/lib/validations/options";
import type { Push } from "@/lib/validations/push";

// The composer's sending: the state the form shows. The work itself (keys, requests, outcomes) is in
// send-pipeline.ts, loaded at the first press and fetched while the editor types.

export type DraftStore = { current: () => Draft; update: (patch: Partial<Draft>) => void };

/** `signIn`: the session had ended, nothing was sent; where to sign in and come back. */
export type Failure = { message: string; outcome: "failed" | "unknown"; pushId?: string; signIn?: string };

type Props = {
  form: ComposeForm;
  store: DraftStore;
  groups: Group[];
  options: PublicOptions | undefined;
  /** 发送时间 as chosen, judged at each press; `onBlocked`: it cannot go yet (the confirmation does not open). */
  sendTime: { choice: SendTimeChoice; now: Date; onBlocked: () => void };
  onSent: (result: SentResult) => void;
  /** Renders the page again (router.refresh), so the router forgets the lists it holds (推送记录, 待审批). */
  refresh: () => void;
  /** A real send or save failed and was recorded: the sender's counts moved, so ask the preflight again. */
  recheck: () => void;
  /** 修改定时推送: the scheduled push this form changes (PATCH, the same record) instead of a new one. */
  editing?: string;
  /** The form's resolver context: set while 发送到测试组 checks the form (see compose-form.tsx). */
  testing: TestTarget;
};

/** Where a test send goes, while it is being checked; nothing otherwise. */
export type TestTarget = { testGroupId?: number };

type Setter<T> = Dispatch<SetStateAction<T>>;

/** The push the dialog shows, and the time it was confirmed with (what the request carries). */
export type Confirming = { push: Push; unsure: boolean; time: { scheduledAt: string | null; body: SendTimeBody } };

/** What the pipeline reads and sets: this render's props and state. */
export type SendContext = Props & {
  confirming: Confirming | null;
  setConfirming: Setter<Confirming | null>;
  setSending: Setter<"real" | "test" | null>;
  setRealFailure: Setter<Failure | null>;
  setRestored: Setter<Failure | null>;
  setTest: Setter<{ ok: true } | { ok: false; message: string } | null>;
  setSaveError: Setter<Error | null>;
  /** Set and cleared synchronously: a second click cannot start a second send before React re-renders. */
  inFlight: RefObject<boolean>;
};

export const loadSendPipeline = () => import("@/components/compose/send-pipeline");

/** A reload or crash while a send was in flight: the answer never arrived. */
function restoredFailure(send: Attempt): Failure | null {
  if (send.outcome === "pending") return { message: "上次发送时页面被关闭或刷新，没有收到结果。", outcome: "unknown" };
  if (send.outcome === "unknown") return { message: "上次发送的结果不明。", outcome: "unknown" };
  return null;
}

export function useComposeSend(props: Props) {
  const { form, store, options, editing, testing } = props;
  // Which request is out, and how the last real send, test send and save ended (null: not asked / cleared).
  const [sending, setSending] = useState<"real" | "test" | null>(null);
  // The pipeline's code is on its way after a press (the buttons wait; nothing is sent yet).
  const [preparing, setPreparing] = useState(false);
  const [realFailure, setRealFailure] = useState<Failure | null>(null);
  const [test, setTest] = useState<{ ok: true } | { ok: false; message: string } | null>(null);
  const [saveError, setSaveError] = useState<Error | null>(null);
  const inFlight = useRef(false);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [restored, setRestored] = useState(() => restoredFailure(store.current().send));
  const ctx: SendContext = {
    ...props,
    confirming,
    setConfirming,
    setSending,
    setRealFailure,
    setRestored,
    setTest,
    setSaveError,
    inFlight,
  };

  /** The pipeline, or (it could not be loaded: offline) a failure saying nothing was sent. */
  const pipeline = async (target: "real" | "test") => {
    setPreparing(true);
    try {
      return await loadSendPipeline();
    } catch {
      const message = "无法载入发送功能，没有发出，请检查网络后重试。";
      if (target === "test") setTest({ ok: false, message });
      else if (editing) setSaveError(new Error(message));
      else setRealFailure({ message, outcome: "failed" });
      return null;
    } finally {
      setPreparing(false);
    }
  };

  const openConfirm = form.handleSubmit(async (push) => (await pipeline("real"))?.confirm(ctx, push));

  const testNotice = test?.ok
    ? { ok: true, message: `已发送到测试组（用户组 #${options?.testGroupId ?? "?"}），请在测试手机上查看。` }
    : test
      ? { ok: false, message: `测试发送失败：${test.message}` }
      : null;

  return {
    confirming,
    closeConfirm: () => setConfirming(null),
    openConfirm,
    send: async () => (await pipeline("real"))?.send(ctx),
    sendTest: async () => {
      testing.testGroupId = options?.testGroupId ?? undefined;
      const submit = form.handleSubmit(async (push) => {
        testing.testGroupId = undefined;
        await (await pipeline("test"))?.sendTest(ctx, push);
      });
      try {
        await submit();
      } finally {
        testing.testGroupId = undefined;
      }
    },
    sendAsNew: async () => {
      (await pipeline("real"))?.startAnew(ctx);
      void openConfirm();
    },
    /** A request is out, or the code to send one is loading: the send buttons wait. */
    sending,
    busy: sending !== null || preparing,
    failure: editing ? null : (realFailure ?? (sending === "real" ? null : restored)),
    /** Why a change was not saved (nothing changed on the record). */
    saveError,
    testNotice,
  };
}
