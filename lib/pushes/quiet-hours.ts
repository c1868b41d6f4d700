// 免打扰: a window of the day (Beijing time, possibly crossing midnight) in which real pushes of
// some channels are not sent as they are. One function for the composer and the server.

export type QuietHours = {
  /** HH:MM, Beijing time. */
  start: string;
  end: string;
  notifyWays: readonly number[];
  /** 消息类型 (chuanbo_type_id) that may always go out, e.g. 突发事件. */
  exemptTypes: readonly number[];
};

export type QuietHoursHit = { start: string; end: string; nextAllowedAt: Date };

const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** Minutes after midnight of HH:MM; NaN when it is not a time of day. */
export function minutesOfDay(hhmm: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  return match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
}

/**
 * Whether a real push of this channel and 消息类型, going out at `at`, falls inside the window, and
 * if so the first moment after it (the window's end) when it may go out. Start = end is no window.
 */
export function quietHoursHit(
  quiet: QuietHours | null | undefined,
  push: { notify_way: number; chuanbo_type_id: number },
  at: Date,
): QuietHoursHit | null {
  if (!quiet || !quiet.notifyWays.includes(push.notify_way) || quiet.exemptTypes.includes(push.chuanbo_type_id)) return null;
  const start = minutesOfDay(quiet.start);
  const end = minutesOfDay(quiet.end);
  if (!Number.isFinite(start) || !Number.isFinite(end) || start === end) return null;
  const china = at.getTime() + CHINA_OFFSET_MS;
  const dayStart = china - (((china % DAY_MS) + DAY_MS) % DAY_MS);
  const minute = Math.floor((china - dayStart) / 60_000);
  const inside = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!inside) return null;
  let next = dayStart + end * 60_000;
  if (next <= china) next += DAY_MS;
  return { start: quiet.start, end: quiet.end, nextAllowedAt: new Date(next - CHINA_OFFSET_MS) };
}
