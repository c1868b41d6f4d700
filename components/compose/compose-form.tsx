"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { Controller, useForm, useWatch, type Resolver } from "react-hook-form";
import { buttonClasses } from "@/components/ui/button";
import { NotificationFields, SmsFields, toId, VoiceFields, WatchedCounter, type ComposeControl } from "@/components/compose/channel-fields";
import { GroupPicker } from "@/components/compose/group-picker";
import { NotificationPreview, SmsPreview, VoicePreview } from "@/components/compose/previews";
import { ReachSummary } from "@/components/compose/reach-summary";
import { Field, fieldAria } from "@/components/ui/field";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { Select } from "@/components/ui/select";
import { TextInput } from "@/components/ui/text-input";
import { ApiError } from "@/lib/api/fetch-json";
import { newAttempt, planAttempt, type Attempt, type Draft, type SentResult } from "@/lib/compose/draft";
import { measureSms } from "@/lib/compose/sms";
import { bodyFingerprint, type ComposeValues } from "@/lib/compose/values";
import { outcomeOf, sendPush } from "@/lib/pushes/send-push";
import type { Group } from "@/lib/validations/group";
import type { PublicOptions } from "@/lib/validations/options";
import type { Push } from "@/lib/validations/push";
import { NAME_MAX, NOTIFY_WAY_LABELS, NOTIFY_WAYS, TASK_TAG_MAX } from "@/lib/validations/push-labels";

export type DraftStore = { current: () => Draft; update: (patch: Partial<Draft>) => void };

// The schema (zod and its resolver) loads after the page is interactive: nothing is validated
// before the first blur or submit, and the first paint need not wait for it.
// The dialogs too: they are needed only after a click, and are fetched while the editor types.
const loadConfirm = () => import("@/components/compose/confirm-dialog").then((m) => m.ConfirmDialog);
const loadClear = () => import("@/components/compose/clear-dialog").then((m) => m.ClearDialog);
const ConfirmDialog = dynamic(loadConfirm, { ssr: false });
const ClearDialog = dynamic(loadClear, { ssr: false });
const loadResolver = () => import("@/components/compose/push-resolver").then((m) => m.pushResolver);
const resolver: Resolver<ComposeValues, unknown, Push> = async (values, context, options) => (await loadResolver())(values, context, options);

const CHANNELS = NOTIFY_WAYS.map((value) => ({ value, label: NOTIFY_WAY_LABELS[value] }));

type Failure = { message: string; outcome: "failed" | "unknown"; pushId?: string };
type TestNotice = { ok: boolean; message: string };

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

export function ComposeForm(props: {
  store: DraftStore;
  options: PublicOptions | undefined;
  onSent: (result: SentResult) => void;
  onClear: () => void;
}) {
  const { store, options, onSent, onClear } = props;
  const initial = store.current();
  const form = useForm<ComposeValues, unknown, Push>({ resolver, defaultValues: initial.values, mode: "onTouched" });
  const { control, register, formState, handleSubmit, setError, setValue, getValues } = form;
  const errors = formState.errors;
  const notifyWay = useWatch({ control, name: "notify_way" });
  const [groups, setGroups] = useState<Group[]>(initial.groups);
  const [confirming, setConfirming] = useState<{ push: Push; unsure: boolean } | null>(null);
  const [sending, setSending] = useState<"real" | "test" | null>(null);
  const inFlight = useRef(false);
  const [failure, setFailure] = useState<Failure | null>(() => restoredFailure(initial.send));
  const [testNotice, setTestNotice] = useState<TestNotice | null>(null);
  const [asking, setAsking] = useState(false);

  useEffect(() => {
    void Promise.all([loadResolver(), loadConfirm(), loadClear()]);
  }, []);

  // Autosave: every change goes to localStorage at once (a few kB; cheaper than losing a word).
  useEffect(() => {
    const subscription = form.watch(() => store.update({ values: getValues() }));
    return () => subscription.unsubscribe();
  }, [form, store, getValues]);

  const chooseGroups = (next: Group[]) => {
    setGroups(next);
    store.update({ groups: next });
    setValue("chuanbo_group", next.map((g) => g.id), { shouldDirty: true, shouldValidate: formState.isSubmitted });
  };

  const showServerFields = (error: unknown) => {
    if (!(error instanceof ApiError)) return;
    for (const [name, message] of Object.entries(error.fields)) {
      if (name in initial.values) setError(name as keyof ComposeValues, { type: "server", message });
    }
  };

  const openConfirm = handleSubmit((push) => {
    const plan = planAttempt(store.current().send, bodyFingerprint(push));
    setConfirming({ push, unsure: plan.kind === "unsure" });
  });

  const send = async () => {
    if (!confirming || inFlight.current) return;
    const { push, unsure } = confirming;
    const body = bodyFingerprint(push);
    const plan = planAttempt(store.current().send, body);
    if (plan.kind === "unsure" && !unsure) return setConfirming({ push, unsure: true });
    inFlight.current = true;
    // An "unsure" confirmed in the dialog is the editor's decision to send this as a new push.
    const attempt: Attempt = plan.kind === "send" ? plan.attempt : { ...newAttempt(), body };
    // Recorded before the request, so a reload mid-send knows a send may be under way.
    store.update({ send: { ...attempt, outcome: "pending" } });
    setSending("real");
    setFailure(null);
    try {
      const answer = await sendPush(push, attempt.key, "real");
      const result: SentResult = {
        id: answer.id,
        status: answer.status,
        requestId: answer.status === "sent" ? answer.requestId : null,
        sentAt: new Date().toISOString(),
        push,
        groups,
      };
      store.update({ send: { ...attempt, outcome: "sent" }, result });
      onSent(result);
    } catch (error) {
      const next = failureOf(error);
      store.update({ send: { ...attempt, outcome: next.outcome } });
      setFailure(next);
      showServerFields(error);
      setConfirming(null);
    } finally {
      inFlight.current = false;
      setSending(null);
    }
  };

  const sendTest = handleSubmit(async (push) => {
    if (inFlight.current) return;
    inFlight.current = true;
    const body = bodyFingerprint(push);
    const plan = planAttempt(store.current().test, body);
    // Only the newsroom's own phones get a test: a changed test after an unclear one may go out anew.
    const attempt: Attempt = plan.kind === "send" ? plan.attempt : { ...newAttempt(), body };
    store.update({ test: { ...attempt, outcome: "pending" } });
    setSending("test");
    setTestNotice(null);
    try {
      await sendPush(push, attempt.key, "test");
      store.update({ test: { ...attempt, outcome: "sent" } });
      setTestNotice({ ok: true, message: `已发送到测试组（用户组 #${options?.testGroupId ?? "?"}），请在测试手机上查看。` });
    } catch (error) {
      store.update({ test: { ...attempt, outcome: outcomeOf(error) } });
      setTestNotice({ ok: false, message: `测试发送失败：${failureOf(error).message}` });
      showServerFields(error);
    } finally {
      inFlight.current = false;
      setSending(null);
    }
  });

  const sendAsNew = () => {
    store.update({ send: newAttempt() });
    setFailure(null);
    void openConfirm();
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void openConfirm();
      }}
      className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]"
    >
      <div className="flex flex-col gap-6">
        <section aria-labelledby="common-heading" className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="common-heading" className="text-base font-semibold">
            基本信息
          </h2>
          <Field id="name" label="推送名字" required aside={<WatchedCounter control={control} name="name" max={NAME_MAX} />} error={errors.name?.message}>
            <TextInput {...register("name")} {...fieldAria("name", errors.name?.message)} />
          </Field>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field id="section_id" label="部门" required error={errors.section_id?.message}>
              <Select
                placeholder="请选择部门"
                options={(options?.sections ?? []).map((s) => ({ value: s.id, label: s.name }))}
                {...register("section_id", { setValueAs: toId })}
                {...fieldAria("section_id", errors.section_id?.message)}
              />
            </Field>
            <Field id="chuanbo_type_id" label="消息类型" required error={errors.chuanbo_type_id?.message}>
              <Select
                placeholder="请选择消息类型"
                options={(options?.types ?? []).map((s) => ({ value: s.id, label: s.name }))}
                {...register("chuanbo_type_id", { setValueAs: toId })}
                {...fieldAria("chuanbo_type_id", errors.chuanbo_type_id?.message)}
              />
            </Field>
            <Field id="chuanbo_directive_id" label="传播指令" error={errors.chuanbo_directive_id?.message}>
              <Select
                placeholder="不指定"
                options={(options?.directives ?? []).map((s) => ({ value: s.id, label: s.name }))}
                {...register("chuanbo_directive_id", { setValueAs: toId })}
                {...fieldAria("chuanbo_directive_id", errors.chuanbo_directive_id?.message)}
              />
            </Field>
          </div>
          <Field
            id="task_tag"
            label="标签"
            aside={<WatchedCounter control={control} name="task_tag" max={TASK_TAG_MAX} />}
            error={errors.task_tag?.message}
            className="sm:max-w-xs"
          >
            <TextInput {...register("task_tag")} {...fieldAria("task_tag", errors.task_tag?.message)} />
          </Field>
          <Field id="chuanbo_group" label="推送用户组" required error={errors.chuanbo_group?.message}>
            <Controller
              control={control}
              name="chuanbo_group"
              render={({ field }) => (
                <GroupPicker
                  id="chuanbo_group"
                  focusRef={field.ref}
                  selected={groups}
                  onChange={chooseGroups}
                  invalid={!!errors.chuanbo_group}
                  describedBy={errors.chuanbo_group ? "chuanbo_group-error" : undefined}
                />
              )}
            />
          </Field>
          <ChannelReach control={control} groups={groups} options={options} />
        </section>

        <section aria-labelledby="channel-heading" className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="channel-heading" className="text-base font-semibold">
              推送类型
            </h2>
            <Controller
              control={control}
              name="notify_way"
              render={({ field }) => (
                <SegmentedControl
                  label="推送类型"
                  value={field.value}
                  options={CHANNELS}
                  onChange={(value) => {
                    field.onChange(value);
                    if (formState.isSubmitted) void form.trigger();
                  }}
                />
              )}
            />
          </div>
          {notifyWay === 1 && <NotificationFields form={form} options={options} />}
          {notifyWay === 2 && <SmsFields form={form} options={options} />}
          {notifyWay === 3 && <VoiceFields form={form} options={options} />}
        </section>

        <div className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5">
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" className={buttonClasses("primary")} disabled={sending !== null}>
              {sending === "real" ? "正在发送…" : "发送…"}
            </button>
            {options?.testGroupId != null && (
              <button type="button" className={buttonClasses("secondary")} disabled={sending !== null} onClick={() => void sendTest()}>
                {sending === "test" ? "正在发送到测试组…" : "发送到测试组"}
              </button>
            )}
            <button type="button" className={`${buttonClasses("ghost")} ml-auto`} disabled={sending !== null} onClick={() => setAsking(true)}>
              清空
            </button>
          </div>
          {failure && <FailureNotice failure={failure} onSendAsNew={sendAsNew} />}
          {testNotice && (
            <p role="status" className={`text-sm ${testNotice.ok ? "text-emerald-800" : "text-red-700"}`}>
              {testNotice.message}
            </p>
          )}
          <p className="text-xs text-slate-500">草稿会自动保存在本浏览器里，刷新或关闭页面不会丢失。</p>
        </div>
      </div>

      <aside aria-label="预览" className="flex flex-col gap-3 lg:sticky lg:top-4 lg:self-start">
        <h2 className="text-sm font-semibold text-slate-600">预览：{NOTIFY_WAY_LABELS[notifyWay]}</h2>
        {notifyWay === 1 && <NotificationPreview control={control} options={options} />}
        {notifyWay === 2 && <SmsPreview control={control} options={options} />}
        {notifyWay === 3 && <VoicePreview control={control} options={options} />}
        <ChannelReach control={control} groups={groups} options={options} />
      </aside>

      {confirming && (
        <ConfirmDialog
          push={confirming.push}
          groups={groups}
          options={options}
          unsure={confirming.unsure}
          sending={sending === "real"}
          onConfirm={() => void send()}
          onClose={() => setConfirming(null)}
        />
      )}
      {asking && <ClearDialog onCancel={() => setAsking(false)} onConfirm={onClear} />}
    </form>
  );
}

function ChannelReach({ control, groups, options }: { control: ComposeControl; groups: readonly Group[]; options: PublicOptions | undefined }) {
  const [notifyWay, signId, template] = useWatch({ control, name: ["notify_way", "msg_sign_id", "msg_template"] });
  const segments = notifyWay === 2 ? measureSms(options?.smsSignatures.find((s) => s.id === signId)?.text, template).segments : undefined;
  return <ReachSummary groups={groups} smsSegments={segments} />;
}

function FailureNotice({ failure, onSendAsNew }: { failure: Failure; onSendAsNew: () => void }) {
  if (failure.outcome === "failed") {
    return (
      <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
        <p className="font-medium">没有发出：{failure.message}</p>
        <p>填写的内容都还在，按提示修改后可以再次发送。</p>
      </div>
    );
  }
  return (
    <div role="alert" className="flex flex-col gap-2 rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <p className="font-medium">这条推送可能已经发出，也可能没有。{failure.message}</p>
      <p>
        请先到
        <Link className="mx-1 font-medium underline" href={failure.pushId ? `/history/${encodeURIComponent(failure.pushId)}` : "/history"}>
          推送记录
        </Link>
        核实。内容不变时再点“发送”不会重复发出，只会取回这次的结果。
      </p>
      <p>
        <button type="button" className="rounded border border-amber-500 bg-white px-2 py-1 text-xs font-medium hover:bg-amber-100" onClick={onSendAsNew}>
          我已核实没有发出，作为新推送重发…
        </button>
      </p>
    </div>
  );
}
