"use client";

import { useWatch, type Control, type UseFormReturn } from "react-hook-form";
import { Counter, Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { TextInput } from "@/components/ui/text-input";
import { Textarea } from "@/components/ui/textarea";
import { countCodePoints } from "@/lib/text/code-points";
import {
  LINK_CONTENT_MAX,
  LINK_TYPE_LABELS,
  LINK_TYPES,
  PUSH_CONTENT_MAX,
  PUSH_ICON_MAX,
  PUSH_TITLE_MAX,
} from "@/lib/validations/push-labels";
import type { ComposeValues } from "@/lib/compose/values";
import type { PublicOptions } from "@/lib/validations/options";
import type { Push } from "@/lib/validations/push";

// The fields of each channel. Only the chosen channel's are mounted; the others' values stay in the form.
// 系统通知's are here; 短信's and 语音's (components/compose/sms-channel.tsx, voice-channel.tsx) load
// when that channel is chosen.

export type ComposeForm = UseFormReturn<ComposeValues, unknown, Push>;
export type ComposeControl = Control<ComposeValues, unknown, Push>;
export type ChannelProps = { form: ComposeForm; options: PublicOptions | undefined };

/** A select's "" is "no choice"; ids are numbers. */
export const toId = (v: unknown) => (v === "" || v === undefined || v === null ? undefined : Number(v));

type CountedField = "name" | "task_tag" | "push_title" | "push_content" | "push_icon" | "link_content" | "msg_template" | "voice_content";

/** A live code-point counter for one field, re-rendering alone as the editor types. */
export function WatchedCounter({ control, name, max }: { control: ComposeControl; name: CountedField; max: number }) {
  const value = useWatch({ control, name });
  return <Counter count={countCodePoints(value)} max={max} />;
}

export function NotificationFields({ form, options }: ChannelProps) {
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
