"use client";

import { memo, startTransition, useEffect, useRef, useState } from "react";
import { Controller, useForm, useFormState, useWatch, type Resolver } from "react-hook-form";
import {
  NotificationFields,
  toId,
  WatchedCounter,
  type ComposeControl,
  type ComposeForm as FormMethods,
} from "@/components/compose/channel-fields";
import { GroupPicker } from "@/components/compose/group-picker";
import { ReachSummary } from "@/components/compose/reach-summary";
import { loadSendTimeDetails, SendTimeFields, useMinuteClock } from "@/components/compose/send-time";
import { TemplateActions } from "@/components/compose/template-actions";
import { loadSendPipeline, useComposeSend, type DraftStore, type TestTarget } from "@/components/compose/use-compose-send";
import { AlertOnDemand } from "@/components/ui/alert-on-demand";
import { buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { loadFocusWhenShown } from "@/components/ui/focus";
import { Loading, onDemand } from "@/components/ui/on-demand";
import { preloadWhenIdle } from "@/components/ui/preload";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { Select } from "@/components/ui/select";
import { TextInput } from "@/components/ui/text-input";
import { editedTime, immediately, type EditTarget, type SendTimeChoice } from "@/lib/compose/send-time-choice";
import { measureSms } from "@/lib/compose/sms";
import { NAME_MAX, NOTIFY_WAY_LABELS, NOTIFY_WAYS, TASK_TAG_MAX } from "@/lib/validations/push-labels";
import type { Checked } from "@/components/compose/preflight-check";
import type { SentResult } from "@/lib/compose/draft";
import type { SendTimeState } from "@/lib/compose/send-time";
import type { ComposeValues } from "@/lib/compose/values";
import type { Group } from "@/lib/validations/group";
import type { PublicOptions } from "@/lib/validations/options";
import type { Push } from "@/lib/validations/push";

// The schema (zod and its resolver) loads after the page is interactive: nothing is validated
// before the first blur or submit, and the first paint need not wait for it.
// The dialogs too: they are needed only after a click, and are fetched while the editor types.
const loadConfirm = () => import("@/components/compose/confirm-dialog").then((m) => m.ConfirmDialog);
const loadClear = () => import("@/components/compose/clear-dialog").then((m) => m.ClearDialog);
const ConfirmDialog = onDemand(loadConfirm);
const ClearDialog = onDemand(loadClear);
// 短信's and 语音's fields and previews load when that channel is chosen, and are fetched beside the dialogs.
const loadSms = () => import("@/components/compose/sms-channel");
const loadVoice = () => import("@/components/compose/voice-channel");
const SmsFields = onDemand(() => loadSms().then((m) => m.SmsFields), <Loading />);
const SmsPreview = onDemand(() => loadSms().then((m) => m.SmsPreview), <Loading>正在载入预览…</Loading>);
const VoiceFields = onDemand(() => loadVoice().then((m) => m.VoiceFields), <Loading />);
const VoicePreview = onDemand(() => loadVoice().then((m) => m.VoicePreview), <Loading>正在载入预览…</Loading>);
// The lock-screen preview draws after the page is up; a failure's notice only when there is one.
const NotificationPreview = onDemand(
  () => import("@/components/compose/previews").then((m) => m.NotificationPreview),
  <Loading>正在载入预览…</Loading>,
);
// The server's verdict arrives over the network after the groups are chosen: its code comes meanwhile.
const loadPreflight = () => import("@/components/compose/preflight-check");
// Its fallback is the line the notice starts with, as tall: nothing moves under the pointer as the code arrives.
const PreflightCheck = onDemand(() => loadPreflight().then((m) => m.PreflightCheck), <Loading>正在检查发送规则…</Loading>);
// Groups chosen and no verdict yet: 确认 waits for one, as it waits for every new question.
const CHECKING: Checked = { view: { checking: true, verdict: null }, stops: false };
const UNASKED: Checked = { view: { checking: false, verdict: null }, stops: false };
const loadFailure = () => import("@/components/compose/failure-notice");
const FailureNotice = onDemand(() => loadFailure().then((m) => m.FailureNotice));
const loadResolver = () => import("@/components/compose/push-resolver").then((m) => m.pushResolver);
// While 发送到测试组 checks the form, the push is checked as it will go: to the test group alone (the
// server puts it there), so the groups chosen, or none yet, are not asked for.
const resolver: Resolver<ComposeValues, unknown, Push> = async (values, context, options) => {
  const to = (context as TestTarget | undefined)?.testGroupId;
  return (await loadResolver())(to === undefined ? values : { ...values, chuanbo_group: [to] }, context, options);
};

// The send-time rules (定时's bounds, 免打扰) load just after the page and show what they find; a
// press of 发送… before then waits for them (the send pipeline judges the time itself).
const loadTimeRules = () => import("@/lib/compose/send-time");
const TIME_UNCHECKED: SendTimeState = { scheduledAt: null, timeProblem: null, quiet: null, blocked: null };

const CHANNELS = NOTIFY_WAYS.map((value) => ({ value, label: NOTIFY_WAY_LABELS[value] }));

type ComposeFormProps = {
  store: DraftStore;
  options: PublicOptions | undefined;
  onSent: (result: SentResult) => void;
  onClear: () => void;
  /** A record was made or changed (a send, a test, a save; a failure too): the page renders anew. */
  onRecorded?: () => void;
  /** 修改定时推送: the scheduled push this form changes, with its time and 免打扰 reason as recorded. */
  edit?: EditTarget;
};

export function ComposeForm(props: ComposeFormProps) {
  // react-hook-form renders the component that calls useForm again whenever its state moves, and
  // once as it mounts (isReady), synchronously, in the mount's own task: so that component is only
  // this host. The fields are a memo that renders again for their props and for what useFormState
  // gives them (errors, isSubmitted); the channels' reads of form.formState.errors subscribe this
  // host to errors as well, so both render together and neither reads a stale error.
  const [testing] = useState<TestTarget>(() => ({}));
  const form = useForm<ComposeValues, unknown, Push>({
    resolver,
    context: testing,
    defaultValues: props.store.current().values,
    mode: "onTouched",
  });
  return <ComposeFields form={form} testing={testing} {...props} />;
}

const ComposeFields = memo(function ComposeFields(props: ComposeFormProps & { form: FormMethods; testing: TestTarget }) {
  const { form, store, options, onSent, onClear, onRecorded, edit } = props;
  const initial = store.current();
  const { control, register, setValue, getValues } = form;
  const formState = useFormState({ control });
  const errors = formState.errors;
  const notifyWay = useWatch({ control, name: "notify_way" });
  const [groups, setGroups] = useState<Group[]>(initial.groups);
  const [asking, setAsking] = useState(false);
  const now = useMinuteClock();
  const typeId = useWatch({ control, name: "chuanbo_type_id" });
  const [timeChoice, setTimeChoice] = useState<SendTimeChoice>(() => initial.time ?? (edit ? editedTime(edit) : immediately));
  // 发送时间 is kept with the draft, as what was typed is: a reload brings it back.
  const changeTime = (patch: Partial<SendTimeChoice>) => {
    const next = { ...timeChoice, ...patch };
    setTimeChoice(next);
    store.update({ time: next });
  };
  const [timeTried, setTimeTried] = useState(false);
  const [timeRules, setTimeRules] = useState<Awaited<ReturnType<typeof loadTimeRules>> | null>(null);
  const timeState = timeRules
    ? timeRules.sendTimeState(timeChoice, { notify_way: notifyWay, chuanbo_type_id: typeId }, options, now)
    : TIME_UNCHECKED;
  const timeBody = timeRules ? timeRules.sendTimeBody(timeChoice, timeState) : {};
  // The server's own verdict on the draft (send, hold, refuse), asked once groups are chosen.
  const [checked, setChecked] = useState<Checked | null>(null);
  const [checkRound, setCheckRound] = useState(0);
  const { view: verdict, stops } = groups.length === 0 ? UNASKED : (checked ?? CHECKING);
  const noticeRef = useRef<HTMLDivElement>(null);
  const { confirming, closeConfirm, openConfirm, send, sendTest, sendAsNew, sending, busy, failure, testNotice, saveError } =
    useComposeSend({
      form,
      store,
      groups,
      options,
      sendTime: { choice: timeChoice, now, onBlocked: () => setTimeTried(true) },
      onSent,
      refresh: onRecorded ?? (() => {}),
      // The sender's counts moved: the server's verdict on the same draft may have too.
      recheck: () => setCheckRound((n) => n + 1),
      editing: edit?.id,
      testing: props.testing,
    });

  useEffect(() => {
    // A transition: the form renders again with the rules in slices, not in one long task as it opens.
    void loadTimeRules().then((rules) => startTransition(() => setTimeRules(rules)));
    // Fetched as soon as the page is idle, not when needed: a send that fails because the connection
    // dropped must still be able to say so (FailureNotice, the Alert behind AlertOnDemand), when no
    // chunk could load, and the rest (the time picker, the pipeline, dialogs, the other channels)
    // then opens at once. One at a time, so that running their code never adds up to one long task.
    return preloadWhenIdle([
      loadFailure,
      () => import("@/components/ui/alert"),
      loadSendTimeDetails,
      loadSendPipeline,
      loadResolver,
      loadPreflight,
      loadConfirm,
      loadClear,
      loadSms,
      loadVoice,
      loadFocusWhenShown,
    ]);
  }, []);

  // Autosave: every change goes to localStorage at once (a few kB; cheaper than losing a word).
  useEffect(() => {
    const subscription = form.watch(() => store.update({ values: getValues() }));
    return () => subscription.unsubscribe();
  }, [form, store, getValues]);

  const chooseGroups = (next: Group[]) => {
    setGroups(next);
    store.update({ groups: next });
    setValue(
      "chuanbo_group",
      next.map((g) => g.id),
      { shouldDirty: true, shouldValidate: formState.isSubmitted },
    );
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        // A refused draft never reaches the confirmation: the editor is brought to why.
        if (stops) {
          noticeRef.current?.focus();
          return;
        }
        void openConfirm();
      }}
      // minmax(0, 1fr) on narrow screens too: a long group name is cut, never widens the page.
      className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]"
    >
      {/* In one column (below lg) the preview comes before the send buttons: CSS order only. */}
      <div className="flex flex-col gap-6 max-lg:contents">
        <section aria-labelledby="common-heading" className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="common-heading" className="text-base font-semibold">
            基本信息
          </h2>
          <Field
            id="name"
            label="推送名字"
            required
            aside={<WatchedCounter control={control} name="name" max={NAME_MAX} />}
            error={errors.name?.message}
          >
            <TextInput {...register("name")} />
          </Field>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field id="section_id" label="部门" required error={errors.section_id?.message}>
              <Select
                placeholder="请选择部门"
                options={(options?.sections ?? []).map((s) => ({ value: s.id, label: s.name }))}
                {...register("section_id", { setValueAs: toId })}
              />
            </Field>
            <Field id="chuanbo_type_id" label="消息类型" required error={errors.chuanbo_type_id?.message}>
              <Select
                placeholder="请选择消息类型"
                options={(options?.types ?? []).map((s) => ({ value: s.id, label: s.name }))}
                {...register("chuanbo_type_id", { setValueAs: toId })}
              />
            </Field>
            <Field id="chuanbo_directive_id" label="传播指令" error={errors.chuanbo_directive_id?.message}>
              <Select
                placeholder="不指定"
                options={(options?.directives ?? []).map((s) => ({ value: s.id, label: s.name }))}
                {...register("chuanbo_directive_id", { setValueAs: toId })}
              />
            </Field>
          </div>
          <Field
            id="task_tag"
            label="推送标签"
            aside={<WatchedCounter control={control} name="task_tag" max={TASK_TAG_MAX} />}
            error={errors.task_tag?.message}
            className="sm:max-w-xs"
          >
            <TextInput {...register("task_tag")} />
          </Field>
          <Controller
            control={control}
            name="chuanbo_group"
            render={({ field }) => (
              <Field id="chuanbo_group" label="推送用户组" required error={errors.chuanbo_group?.message}>
                <GroupPicker focusRef={field.ref} selected={groups} onChange={chooseGroups} />
              </Field>
            )}
          />
          <ChannelReach control={control} groups={groups} options={options} />
          {groups.length > 0 && (
            <PreflightCheck
              ref={noticeRef}
              round={checkRound}
              onChecked={setChecked}
              draft={{
                notify_way: notifyWay,
                chuanbo_group: groups.map((g) => g.id),
                ...(typeId !== undefined ? { chuanbo_type_id: typeId } : {}),
                ...timeBody,
                ...(edit ? { rescheduling: edit.id } : {}),
              }}
            />
          )}
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
          <TemplateActions form={form} />
          {notifyWay === 1 && <NotificationFields form={form} options={options} />}
          {notifyWay === 2 && <SmsFields form={form} options={options} />}
          {notifyWay === 3 && <VoiceFields form={form} options={options} />}
        </section>

        <SendTimeFields
          choice={timeChoice}
          state={timeState}
          options={options}
          now={now}
          showProblems={timeTried}
          scheduledOnly={edit !== undefined}
          onChange={changeTime}
        />

        <div className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5 max-lg:order-2">
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" className={buttonClasses("primary")} disabled={busy}>
              {submitLabel({
                editing: edit !== undefined,
                sending: sending === "real",
                held: verdict.verdict?.kind === "hold",
                time: timeChoice,
              })}
            </button>
            {options?.testGroupId != null && (
              // Not disabled while it sends: the button keeps the keyboard's focus (a second press is ignored).
              <button
                type="button"
                className={buttonClasses("secondary")}
                aria-disabled={busy}
                onClick={() => {
                  if (!busy) void sendTest();
                }}
              >
                {sending === "test" ? "正在发送到测试组…" : "发送到测试组"}
              </button>
            )}
            <button type="button" className={`${buttonClasses("ghost")} ml-auto`} disabled={busy} onClick={() => setAsking(true)}>
              {edit ? "放弃修改" : "清空草稿"}
            </button>
          </div>
          {failure && <FailureNotice failure={failure} onSendAsNew={sendAsNew} />}
          {saveError && (
            <AlertOnDemand variant="error" title={`没有保存：${saveError.message}`}>
              <p>推送记录没有改动，填写的内容都还在。</p>
            </AlertOnDemand>
          )}
          {testNotice && (
            <AlertOnDemand variant={testNotice.ok ? "success" : "error"} role="status">
              {testNotice.message}
            </AlertOnDemand>
          )}
          {!edit && <p className="text-xs text-slate-500">草稿会自动保存在本浏览器里，刷新或关闭页面不会丢失。</p>}
        </div>
      </div>

      <aside aria-label="预览" className="flex flex-col gap-3 max-lg:order-1 lg:sticky lg:top-4 lg:self-start">
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
          scheduledAt={confirming.time.scheduledAt}
          quietHoursReason={confirming.time.body.quiet_hours_reason}
          preflight={verdict}
          editing={edit !== undefined}
          sending={sending === "real"}
          onConfirm={() => void send()}
          onClose={closeConfirm}
        />
      )}
      {asking && <ClearDialog editing={edit !== undefined} onCancel={() => setAsking(false)} onConfirm={onClear} />}
    </form>
  );
});

function ChannelReach({
  control,
  groups,
  options,
}: {
  control: ComposeControl;
  groups: readonly Group[];
  options: PublicOptions | undefined;
}) {
  const [notifyWay, signId, template] = useWatch({ control, name: ["notify_way", "msg_sign_id", "msg_template"] });
  const segments = notifyWay === 2 ? measureSms(options?.smsSignatures.find((s) => s.id === signId)?.text, template).segments : undefined;
  return <ReachSummary groups={groups} smsSegments={segments} />;
}

/** The main button says what a press leads to (its dialog then asks to confirm that). */
function submitLabel({ editing, sending, held, time }: { editing: boolean; sending: boolean; held: boolean; time: SendTimeChoice }) {
  if (editing) return sending ? "正在保存…" : "保存修改…";
  if (held) return sending ? "正在提交审批…" : "提交审批…";
  if (sending) return "正在发送…";
  return time.mode === "scheduled" ? "定时发送…" : "发送…";
}
