import { earliestInput, toChinaLocalInput } from "@/lib/pushes/china-local-input";
import { SCHEDULE_MAX_DAYS, type ScheduleLimits } from "@/lib/pushes/schedule";

// A send-time picker's limits, for the composer's 定时 and the record's 改到: in the code those
// fields load on demand, not in the schedule rules every record page carries.

/** The limits in words, under the field (the server's refusal, scheduleProblem, says the same). */
export function scheduleWindowText({ minLeadSeconds }: ScheduleLimits): string {
  const lead = minLeadSeconds % 60 === 0 ? `${minLeadSeconds / 60} 分钟` : `${minLeadSeconds} 秒`;
  return `至少在 ${lead}之后，最多 ${SCHEDULE_MAX_DAYS} 天之内。`;
}

/** The picker's `min` and `max` now: the earliest whole minute allowed, and the latest day. */
export function scheduleInputBounds(now: Date, { minLeadSeconds }: ScheduleLimits): { min: string; max: string } {
  return {
    min: earliestInput(now, minLeadSeconds),
    max: toChinaLocalInput(new Date(now.getTime() + SCHEDULE_MAX_DAYS * 86_400_000)),
  };
}
