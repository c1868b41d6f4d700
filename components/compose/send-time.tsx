"use client";

import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { TextInput } from "@/components/ui/text-input";
import { Textarea } from "@/components/ui/textarea";
import { SCHEDULE_MAX_DAYS, toChinaLocalInput } from "@/lib/pushes/schedule";
import { QUIET_HOURS_REASON_MAX } from "@/lib/validations/push-labels";
import type { SendTimeChoice, SendTimeState } from "@/lib/compose/send-time";
import type { PublicOptions } from "@/lib/validations/options";

// 发送时间: 立即 or 定时 (the browser's own date-time picker, read as Beijing time whatever the
// computer's zone), and 免打扰: as soon as channel and time fall inside the window, the choice
// between 定时到 its end and 仍然发送 with a reason.

const MODES = [
  { value: "now" as const, label: "立即发送" },
  { value: "scheduled" as const, label: "定时发送" },
];

/** The current time, a minute at a time: the picker's bounds and the quiet-hours check move with it. */
export function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function SendTimeFields(props: {
  choice: SendTimeChoice;
  state: SendTimeState;
  options: PublicOptions | undefined;
  now: Date;
  /** Shown after a send was tried while blocked. */
  showProblems: boolean;
  onChange: (patch: Partial<SendTimeChoice>) => void;
}) {
  const { choice, state, options, now, showProblems, onChange } = props;
  const lead = (options?.schedule.minLeadSeconds ?? 120) * 1000;
  const min = toChinaLocalInput(new Date(now.getTime() + lead));
  const max = toChinaLocalInput(new Date(now.getTime() + SCHEDULE_MAX_DAYS * 86_400_000));
  const quiet = state.quiet;
  return (
    <section aria-labelledby="send-time-heading" className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="send-time-heading" className="text-base font-semibold">
          发送时间
        </h2>
        <SegmentedControl
          label="发送时间"
          value={choice.mode}
          options={MODES}
          onChange={(mode) => onChange({ mode, ...(mode === "scheduled" && choice.local === "" ? { local: min } : {}) })}
        />
      </div>
      {choice.mode === "scheduled" && (
        <Field
          id="scheduled_at"
          label="定时（北京时间）"
          required
          hint={`至少在${lead % 60_000 === 0 ? ` ${lead / 60_000} 分钟` : ` ${lead / 1000} 秒`}之后，最多 ${SCHEDULE_MAX_DAYS} 天之内。到时控制台须在运行，否则推送会错过。`}
          error={state.timeProblem && (showProblems || choice.local !== "") ? state.timeProblem : undefined}
          className="sm:max-w-xs"
        >
          <TextInput type="datetime-local" min={min} max={max} value={choice.local} onChange={(e) => onChange({ local: e.target.value })} />
        </Field>
      )}
      {quiet && (
        <Alert
          variant="warning"
          role="status"
          title={`${choice.mode === "scheduled" ? "定时的时间" : "现在"}在免打扰时段（北京时间 ${quiet.start}–${quiet.end}）内，这条推送不会照常发出。`}
          action={
            <>
              <button
                type="button"
                className={buttonClasses("secondary")}
                onClick={() => onChange({ mode: "scheduled", local: toChinaLocalInput(quiet.nextAllowedAt), overrideQuiet: false })}
              >
                定时到 {quiet.end}
              </button>
              {!choice.overrideQuiet && (
                <button type="button" className={buttonClasses("ghost")} onClick={() => onChange({ overrideQuiet: true })}>
                  仍然发送
                </button>
              )}
            </>
          }
        >
          {choice.overrideQuiet ? (
            <Field
              id="quiet_hours_reason"
              label="仍然发送的理由"
              required
              hint="会记入审计日志。"
              error={showProblems && choice.quietReason.trim() === "" ? "请填写在免打扰时段仍然发送的理由" : undefined}
            >
              <Textarea
                rows={2}
                maxLength={QUIET_HOURS_REASON_MAX}
                value={choice.quietReason}
                onChange={(e) => onChange({ quietReason: e.target.value })}
              />
            </Field>
          ) : (
            <p>可以定时到免打扰结束时发出，或填写理由后仍然发送。</p>
          )}
        </Alert>
      )}
      {showProblems && state.blocked && !state.timeProblem && !choice.overrideQuiet && (
        <p className="text-sm text-red-700" role="alert">
          {state.blocked}
        </p>
      )}
    </section>
  );
}
