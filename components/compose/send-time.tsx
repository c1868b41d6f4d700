"use client";

import { useEffect, useState } from "react";
import { onDemand } from "@/components/ui/on-demand";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { CLOCK_AGE_MS, suggestedInput } from "@/lib/pushes/china-local-input";
import type { SendTimeState } from "@/lib/compose/send-time";
import type { SendTimeChoice } from "@/lib/compose/send-time-choice";
import type { PublicOptions } from "@/lib/validations/options";

// 发送时间: 立即 or 定时 (the browser's own date-time picker, read as Beijing time whatever the
// computer's zone), and 免打扰: as soon as channel and time fall inside the window, the choice
// between 定时到 its end and 仍然发送 with a reason. The picker and the notice load on demand.

/** The picker and the notice: the form fetches them when the browser is first idle (preloadWhenIdle). */
export const loadSendTimeDetails = () => import("@/components/compose/send-time-details").then((m) => m.SendTimeDetails);
const SendTimeDetails = onDemand(loadSendTimeDetails);

const MODES = [
  { value: "now" as const, label: "立即发送" },
  { value: "scheduled" as const, label: "定时发送" },
];

/** The current time, refreshed every 30 s: the picker's bounds and the quiet-hours check move with it. */
export function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), CLOCK_AGE_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export type SendTimeProps = {
  choice: SendTimeChoice;
  state: SendTimeState;
  options: PublicOptions | undefined;
  now: Date;
  /** Shown after a send was tried while blocked. */
  showProblems: boolean;
  /** A scheduled push being changed stays scheduled (to send it now, cancel it and send anew). */
  scheduledOnly?: boolean;
  onChange: (patch: Partial<SendTimeChoice>) => void;
};

export function SendTimeFields(props: SendTimeProps) {
  const { choice, state, options, now, showProblems, scheduledOnly, onChange } = props;
  const suggested = suggestedInput(now, options?.schedule.minLeadSeconds ?? 120);
  return (
    <section aria-labelledby="send-time-heading" className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="send-time-heading" className="text-base font-semibold">
          发送时间
        </h2>
        <SegmentedControl
          label="发送时间"
          value={choice.mode}
          options={scheduledOnly ? MODES.filter((m) => m.value === "scheduled") : MODES}
          onChange={(mode) => onChange({ mode, ...(mode === "scheduled" && choice.local === "" ? { local: suggested } : {}) })}
        />
      </div>
      {(choice.mode === "scheduled" || state.quiet) && <SendTimeDetails {...props} />}
      {showProblems && state.blocked && !state.timeProblem && !choice.overrideQuiet && (
        <p className="text-sm text-red-700" role="alert">
          {state.blocked}
        </p>
      )}
    </section>
  );
}
