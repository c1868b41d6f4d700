"use client";

import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { TextInput } from "@/components/ui/text-input";
import { Textarea } from "@/components/ui/textarea";
import { toChinaLocalInput } from "@/lib/pushes/china-local-input";
import { scheduleInputBounds, scheduleWindowText } from "@/lib/pushes/schedule-picker";
import { QUIET_HOURS_REASON_MAX } from "@/lib/validations/push-labels";
import type { SendTimeProps } from "@/components/compose/send-time";

// The parts of 发送时间 that only some pushes need, loaded on demand: the date-time picker (the
// browser's own) and 免打扰's notice with its choice.

export function SendTimeDetails(props: SendTimeProps) {
  const { choice, state, options, now, showProblems, onChange } = props;
  const limits = { minLeadSeconds: options?.schedule.minLeadSeconds ?? 120 };
  const { min, max } = scheduleInputBounds(now, limits);
  const quiet = state.quiet;
  return (
    <>
      {choice.mode === "scheduled" && (
        <Field
          id="scheduled_at"
          label="定时（北京时间）"
          required
          hint={`${scheduleWindowText(limits)}到时由控制台服务器发出，关闭本页不影响。`}
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
    </>
  );
}
