// China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact, and the
// time reads the same whatever zone the browser or server runs in.
const OFFSET_MS = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, "0");

/** `YYYY-MM-DD HH:mm:ss` in China time, as the vendor writes operate_time. */
export function formatChinaTime(at: number | string | Date): string {
  const ms = typeof at === "number" ? at : new Date(at).getTime();
  if (!Number.isFinite(ms)) return "—";
  const d = new Date(ms + OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

const WRITTEN = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2})(:\d{2})?$/;

/**
 * `YYYY-MM-DD HH:mm` in China time: a time in a list (details keep the seconds), or one set to the
 * minute (定时). Takes what formatChinaTime takes; a string already written that way in China time
 * (the vendor's operate_time) loses its seconds, another date string is read as Date reads it, and a
 * string that is no date at all stays as it came.
 */
export function formatChinaListTime(at: number | string | Date): string {
  if (typeof at === "string") {
    const written = WRITTEN.exec(at.trim());
    if (written) return written[1]!;
    if (!Number.isFinite(new Date(at).getTime())) return at;
  }
  return formatChinaTime(at).slice(0, 16);
}
