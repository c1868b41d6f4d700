"use client";

import { useDeferredValue } from "react";
import { useWatch } from "react-hook-form";
import { toId, WatchedCounter, type ChannelProps, type ComposeControl } from "@/components/compose/channel-fields";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { measureSms, SMS_SEGMENT_SIZE, SMS_SINGLE_MAX } from "@/lib/compose/sms";
import { countCodePoints } from "@/lib/text/code-points";
import { MSG_TEMPLATE_MAX } from "@/lib/validations/push-labels";
import { tooLongMessage } from "@/lib/validations/too-long";
import type { PreviewProps } from "@/components/compose/previews";
import type { PublicOptions } from "@/lib/validations/options";

// 短信: its fields and its preview, loaded when the channel is chosen (most pushes are 系统通知).

export function SmsFields({ form, options }: ChannelProps) {
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
  // The counter above counts the template alone (the vendor's limit); this says what the signature adds.
  return (
    <>
      <span>
        {signature ? (
          <>
            加上【{signature}】<span className="tabular-nums">{countCodePoints(`【${signature}】`)}</span> 字，手机收到{" "}
            <strong className="tabular-nums">{sms.length}</strong> 字
          </>
        ) : (
          <>
            未算签名，手机收到 <strong className="tabular-nums">{sms.length}</strong> 字
          </>
        )}
        ，计 <strong className="tabular-nums">{sms.segments}</strong> 条短信
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

export function SmsPreview({ control, options }: PreviewProps) {
  const watched = useWatch({ control, name: ["msg_sign_id", "msg_template"] });
  const [signId, template] = useDeferredValue(watched);
  const signature = options?.smsSignatures.find((s) => s.id === signId)?.text;
  const sms = measureSms(signature, template);
  return (
    <figure aria-label="短信预览" className="rounded-2xl border border-slate-200 bg-white p-4">
      <p className="mb-3 text-center text-xs text-slate-500">短信 · 现在</p>
      <p className="max-w-[85%] rounded-2xl rounded-bl-sm bg-slate-200 px-3 py-2 text-sm wrap-anywhere whitespace-pre-line">
        {template.trim() ? sms.text : <span className="text-slate-400">{signature ? `【${signature}】` : "【签名】"}短信内容</span>}
      </p>
      <figcaption className="mt-2 text-xs text-slate-500">
        {/* A template over 70 is the field's error, not a length to bill. */}
        {[
          !sms.fits ? null : sms.length === 0 ? "尚未填写短信模板" : `${sms.length} 字，计 ${sms.segments} 条短信`,
          signature ? null : "尚未选择短信签名",
        ]
          .filter(Boolean)
          .join("；")}
      </figcaption>
    </figure>
  );
}
