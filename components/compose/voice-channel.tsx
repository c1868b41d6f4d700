"use client";

import { useDeferredValue, useEffect, useState } from "react";
import { useWatch } from "react-hook-form";
import { WatchedCounter, type ChannelProps, type ComposeControl } from "@/components/compose/channel-fields";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { estimateSpeakingSeconds, formatDuration, voiceWarnings } from "@/lib/compose/voice";
import { VOICE_CONTENT_MAX } from "@/lib/validations/push-labels";
import type { PreviewProps } from "@/components/compose/previews";

// 语音: its fields and its preview, loaded when the channel is chosen (most pushes are 系统通知).

export function VoiceFields({ form }: ChannelProps) {
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
        <Alert variant="warning" role="none" dense title="语音可能读得不好：" className="wrap-anywhere">
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

export function VoicePreview({ control }: PreviewProps) {
  const watched = useWatch({ control, name: "voice_content" });
  const text = useDeferredValue(watched).trim();
  return (
    <figure aria-label="语音预览" className="rounded-2xl border border-slate-200 bg-white p-4">
      <p className="mb-2 flex items-center justify-between text-xs text-slate-500">
        <span>来电 · 语音播报</span>
        <span>{text ? formatDuration(estimateSpeakingSeconds(text)) : ""}</span>
      </p>
      <blockquote className="border-l-4 border-emerald-600 pl-3 text-sm leading-relaxed wrap-anywhere whitespace-pre-line">
        {text || <span className="text-slate-400">语音模板的文字会在这里以播报稿的样子出现</span>}
      </blockquote>
    </figure>
  );
}
