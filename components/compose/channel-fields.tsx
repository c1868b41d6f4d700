"use client";

import { useEffect, useState } from "react";
import { useWatch, type Control, type UseFormReturn } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Counter, Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { TextInput } from "@/components/ui/text-input";
import { Textarea } from "@/components/ui/textarea";
import { measureSms, SMS_SEGMENT_SIZE, SMS_SINGLE_MAX } from "@/lib/compose/sms";
import { estimateSpeakingSeconds, formatDuration, voiceWarnings } from "@/lib/compose/voice";
import { countCodePoints } from "@/lib/text/code-points";
import {
  LINK_CONTENT_MAX,
  LINK_TYPE_LABELS,
  LINK_TYPES,
  MSG_TEMPLATE_MAX,
  PUSH_CONTENT_MAX,
  PUSH_ICON_MAX,
  PUSH_TITLE_MAX,
  VOICE_CONTENT_MAX,
} from "@/lib/validations/push-labels";
import { tooLongMessage } from "@/lib/validations/too-long";
import type { ComposeValues } from "@/lib/compose/values";
import type { PublicOptions } from "@/lib/validations/options";
import type { Push } from "@/lib/validations/push";

// The fields of each channel. Only the chosen channel's are mounted; the others' values stay in the form.

export type ComposeForm = UseFormReturn<ComposeValues, unknown, Push>;
export type ComposeControl = Control<ComposeValues, unknown, Push>;
type Props = { form: ComposeForm; options: PublicOptions | undefined };

/** A select's "" is "no choice"; ids are numbers. */
export const toId = (v: unknown) => (v === "" || v === undefined || v === null ? undefined : Number(v));

type CountedField = "name" | "task_tag" | "push_title" | "push_content" | "push_icon" | "link_content" | "msg_template" | "voice_content";

/** A live code-point counter for one field, re-rendering alone as the editor types. */
export function WatchedCounter({ control, name, max }: { control: ComposeControl; name: CountedField; max: number }) {
  const value = useWatch({ control, name });
  return <Counter count={countCodePoints(value)} max={max} />;
}

export function NotificationFields({ form, options }: Props) {
  const { register, formState, setValue, control } = form;
  const errors = formState.errors;
  const linkType = useWatch({ control, name: "link_type" });
  const icons = options?.icons ?? [];
  return (
    <>
      <Field
        id="push_title"
        label="推送标题"
        required
        aside={<WatchedCounter control={control} name="push_title" max={PUSH_TITLE_MAX} />}
        error={errors.push_title?.message}
      >
        <TextInput {...register("push_title")} />
      </Field>
      <Field
        id="push_content"
        label="推送内容"
        required
        aside={<WatchedCounter control={control} name="push_content" max={PUSH_CONTENT_MAX} />}
        error={errors.push_content?.message}
      >
        <Textarea {...register("push_content")} />
      </Field>
      <Field
        id="push_icon"
        label="消息图标"
        aside={<WatchedCounter control={control} name="push_icon" max={PUSH_ICON_MAX} />}
        hint="图片地址（http:// 或 https://），或选一个常用图标"
        error={errors.push_icon?.message}
        extra={
          icons.length > 0 && (
            <div className="flex flex-wrap gap-2" role="group" aria-label="常用图标">
              {icons.map((icon) => (
                <button
                  key={icon.url}
                  type="button"
                  onClick={() => setValue("push_icon", icon.url, { shouldDirty: true, shouldValidate: formState.isSubmitted })}
                  className="flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-100"
                >
                  <img src={icon.url} alt="" className="size-4 rounded" />
                  {icon.name}
                </button>
              ))}
            </div>
          )
        }
      >
        <TextInput type="url" inputMode="url" placeholder="https://" {...register("push_icon")} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
        <Field id="link_type" label="链接类型" error={errors.link_type?.message}>
          <Select
            placeholder="不设链接"
            options={LINK_TYPES.map((t) => ({ value: t, label: LINK_TYPE_LABELS[t] }))}
            {...register("link_type", { setValueAs: toId })}
          />
        </Field>
        <Field
          id="link_content"
          label="链接内容"
          aside={<WatchedCounter control={control} name="link_content" max={LINK_CONTENT_MAX} />}
          hint={linkType === 2 ? "稿件 id，只能是数字" : linkType === 4 ? "点开后显示的通知内容" : "先选链接类型"}
          error={errors.link_content?.message}
        >
          <TextInput inputMode={linkType === 2 ? "numeric" : undefined} {...register("link_content")} />
        </Field>
      </div>
    </>
  );
}

export function SmsFields({ form, options }: Props) {
  const { register, formState, control } = form;
  const errors = formState.errors;
  const signatures = options?.smsSignatures ?? [];
  // Over the vendor's 70 is an error as soon as it is typed, said here once, in the schema's words.
  const template = useWatch({ control, name: "msg_template" }).trim();
  const over = countCodePoints(template) > MSG_TEMPLATE_MAX ? tooLongMessage("短信模板", MSG_TEMPLATE_MAX, template) : undefined;
  return (
    <>
      <Field id="msg_sign_id" label="短信签名" required error={errors.msg_sign_id?.message}>
        <Select
          placeholder="请选择短信签名"
          options={signatures.map((s) => ({ value: s.id, label: `${s.name}（【${s.text}】）` }))}
          {...register("msg_sign_id", { setValueAs: toId })}
        />
      </Field>
      <Field
        id="msg_template"
        label="短信模板"
        required
        aside={<WatchedCounter control={control} name="msg_template" max={MSG_TEMPLATE_MAX} />}
        hint={over ? undefined : <SmsMeasure control={control} options={options} />}
        error={errors.msg_template?.message ?? over}
      >
        <Textarea {...register("msg_template")} />
      </Field>
    </>
  );
}

function SmsMeasure({ control, options }: { control: ComposeControl; options: PublicOptions | undefined }) {
  const [signId, template] = useWatch({ control, name: ["msg_sign_id", "msg_template"] });
  const signature = options?.smsSignatures.find((s) => s.id === signId)?.text;
  const sms = measureSms(signature, template);
  if (sms.length === 0) return <>手机收到的是“【签名】+ 模板”，签名也算字数；{SMS_SINGLE_MAX} 字以内计 1 条。</>;
  return (
    <>
      <span>
        手机收到 <strong className="tabular-nums">{sms.length}</strong> 字（含【签名】），计{" "}
        <strong className="tabular-nums">{sms.segments}</strong> 条短信
      </span>
      {sms.segments > 1 && (
        <Alert variant="warning" role="status" dense className="mt-1">
          加上【签名】共 {sms.length} 字，超过一条短信的 {SMS_SINGLE_MAX} 字：将按每条 {SMS_SEGMENT_SIZE} 字拆成 {sms.segments}{" "}
          条发送和计费。
        </Alert>
      )}
    </>
  );
}

export function VoiceFields({ form }: Props) {
  const { register, formState, control } = form;
  const errors = formState.errors;
  return (
    <Field
      id="voice_content"
      label="语音模板"
      required
      aside={<WatchedCounter control={control} name="voice_content" max={VOICE_CONTENT_MAX} />}
      hint={<VoiceAdvice control={control} />}
      error={errors.voice_content?.message}
    >
      <Textarea rows={6} {...register("voice_content")} />
    </Field>
  );
}

function VoiceAdvice({ control }: { control: ComposeControl }) {
  const text = useWatch({ control, name: "voice_content" });
  const trimmed = text.trim();
  const warnings = voiceWarnings(trimmed);
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-3">
        <span>预计播报{trimmed ? formatDuration(estimateSpeakingSeconds(trimmed)) : "时长：尚无内容"}</span>
        <ListenButton text={trimmed} />
      </div>
      {warnings.length > 0 && (
        <Alert variant="warning" role="none" dense title="语音可能读得不好：">
          {warnings.map((w, i) => (
            <span key={`${w.kind}-${i}`}>· {w.message}</span>
          ))}
        </Alert>
      )}
    </div>
  );
}

/** 试听 through the browser's own voice, when it has one (none on most Linux browsers). */
function ListenButton({ text }: { text: string }) {
  const [supported, setSupported] = useState(false);
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => {
    setSupported(typeof window !== "undefined" && "speechSynthesis" in window);
    return () => {
      if ("speechSynthesis" in window) window.speechSynthesis.cancel();
    };
  }, []);
  if (!supported) return <span className="text-slate-400">此浏览器不支持试听</span>;
  const listen = () => {
    const synth = window.speechSynthesis;
    synth.cancel();
    if (speaking) return setSpeaking(false);
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = "zh-CN";
    utterance.onend = utterance.onerror = () => setSpeaking(false);
    setSpeaking(true);
    synth.speak(utterance);
  };
  return (
    <button
      type="button"
      disabled={!text}
      onClick={listen}
      className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-800 hover:bg-slate-100 disabled:opacity-50"
    >
      {speaking ? "停止试听" : "试听"}
    </button>
  );
}
