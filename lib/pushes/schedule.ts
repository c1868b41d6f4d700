// 定时发送: the rules for a push's send time, shared by the composer (which warns as the editor
// picks) and the server (which enforces). Pure: no clock, no configuration of its own.

/** The latest a push may be scheduled, from now. */
export const SCHEDULE_MAX_DAYS = 30;

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with its offset (…Z or …+08:00); null for anything else, a zone-less time included. */
export function parseScheduledAt(raw: string): Date | null {
  if (!ISO_WITH_OFFSET.test(raw)) return null;
  const ms = Date.parse(raw);
  return Number.isFinite(ms) ? new Date(ms) : null;
}

export type ScheduleLimits = { minLeadSeconds: number };

/** Why this time cannot be chosen now (in Chinese), or null when it can. */
export function scheduleProblem(at: Date, now: Date, { minLeadSeconds }: ScheduleLimits): string | null {
  const lead = at.getTime() - now.getTime();
  if (lead < minLeadSeconds * 1000) {
    const min = minLeadSeconds % 60 === 0 ? `${minLeadSeconds / 60} 分钟` : `${minLeadSeconds} 秒`;
    return `定时发送的时间须至少在 ${min}之后，请选一个更晚的时间`;
  }
  if (lead > SCHEDULE_MAX_DAYS * 86_400_000) return `定时发送的时间最多在 ${SCHEDULE_MAX_DAYS} 天之内，请选一个更早的时间`;
  return null;
}

/**
 * Where a push stands against its time: not yet due, due (at or after its time, within the grace
 * period: sent at once), or late (past the grace period: never sent).
 */
export function dueState(scheduledAt: Date, now: Date, graceMs: number): "early" | "due" | "late" {
  const late = now.getTime() - scheduledAt.getTime();
  if (late < 0) return "early";
  return late <= graceMs ? "due" : "late";
}

export { toChinaLocalInput } from "@/lib/pushes/china-local-input";

/** A datetime-local input's value, read as Beijing time, as ISO 8601 with +08:00; null when incomplete. */
export function chinaLocalInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const iso = `${value}:00+08:00`;
  return parseScheduledAt(iso) ? iso : null;
}

/** 还有 2 天 3 小时 / 还有 5 分钟 / 即将发送: the time left until a scheduled push goes out. */
export function countdownText(scheduledAt: Date, now: Date): string {
  const seconds = Math.floor((scheduledAt.getTime() - now.getTime()) / 1000);
  if (seconds <= 0) return "即将发送";
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days > 0) return `还有 ${days} 天${hours > 0 ? ` ${hours} 小时` : ""}`;
  if (hours > 0) return `还有 ${hours} 小时${minutes > 0 ? ` ${minutes} 分钟` : ""}`;
  if (minutes > 0) return `还有 ${minutes} 分钟`;
  return `还有 ${seconds} 秒`;
}
