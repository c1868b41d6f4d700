// Beijing time as a datetime-local input shows it: its own small file, so a form that only draws
// the picker does not load the schedule rules with it.

const CHINA_OFFSET_MS = 8 * 3600_000;

/** `YYYY-MM-DDTHH:mm` as a datetime-local input shows it, in Beijing time whatever the browser's zone. */
export function toChinaLocalInput(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16);
}
