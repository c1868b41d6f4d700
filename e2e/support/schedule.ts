import { optionsFile } from "./options-file";

// 定时发送 and 免打扰 on consoles of their own: the options file, and times in Beijing.

const pad = (n: number) => String(n).padStart(2, "0");

/** HH:MM in Beijing, `minutes` from now (wrapping past midnight). */
export function beijingClock(minutes: number, now = Date.now()): string {
  const d = new Date(now + 8 * 3600_000 + minutes * 60_000);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/**
 * The sample options with a high approval line (the tests' ordinary pushes are not held) except
 * for 系统通知, which always needs approval; and 免打扰 for SMS from an hour ago to two hours
 * ahead (so "now" is inside it whenever the test runs), 突发事件 (38) exempt.
 */
export const scheduleOptionsFile = (): string =>
  optionsFile("schedule", {
    approval: { minReach: 150_000, notifyWays: [1], windowMinutes: 60 },
    quietHours: { start: beijingClock(-60), end: beijingClock(120), notifyWays: [2], exemptTypes: [38] },
  });

/** An ISO 8601 time with the Beijing offset, `ms` from now. */
export function inBeijing(ms: number): string {
  const d = new Date(Date.now() + ms + 8 * 3600_000);
  return `${d.toISOString().slice(0, 19)}+08:00`;
}

export const smsPush = (name: string, typeId = 39) => ({
  name,
  section_id: 90,
  chuanbo_type_id: typeId,
  notify_way: 2,
  chuanbo_group: [102],
  msg_sign_id: 50,
  msg_template: "今晚有暴雨，请做好防范。",
});

export const notificationPush = (name: string) => ({
  name,
  section_id: 90,
  chuanbo_type_id: 39,
  notify_way: 1,
  chuanbo_group: [102],
  push_title: "停水通知",
  push_content: "明日 9 时至 12 时停水。",
});

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
