// Beijing time as a datetime-local input shows it: its own small file, so a form that only draws
// the picker does not load the schedule rules with it.

const CHINA_OFFSET_MS = 8 * 3600_000;

/** `YYYY-MM-DDTHH:mm` as a datetime-local input shows it, in Beijing time whatever the browser's zone. */
export function toChinaLocalInput(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16);
}

/** How often the composer's clock is read again (useMinuteClock): how old it may be, which the times below allow for. */
export const CLOCK_AGE_MS = 30_000;

/** The picker's earliest choice: the first whole minute at least `leadSeconds` away (a minute cut down would be too soon). */
export function earliestInput(now: Date, leadSeconds: number): string {
  return toChinaLocalInput(new Date(Math.ceil((now.getTime() + CLOCK_AGE_MS + leadSeconds * 1000) / 60_000) * 60_000));
}

/** 定时's first suggestion: a minute past the earliest choice, rounded up to five minutes, so it is still allowed while the editor writes. */
export function suggestedInput(now: Date, leadSeconds: number): string {
  const fiveMinutes = 300_000;
  const at = now.getTime() + CLOCK_AGE_MS + leadSeconds * 1000 + 60_000;
  return toChinaLocalInput(new Date(Math.ceil(at / fiveMinutes) * fiveMinutes));
}
