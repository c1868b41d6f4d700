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
