import { describe, expect, it } from "vitest";
import { quietHoursHit, type QuietHours } from "@/lib/pushes/quiet-hours";
import { chinaLocalInputToIso, countdownText, dueState, parseScheduledAt, scheduleProblem, toChinaLocalInput } from "@/lib/pushes/schedule";

// 定时发送's time rules and 免打扰's window: pure, with the composer and the server as readers.

const quiet: QuietHours = { start: "21:30", end: "07:30", notifyWays: [2, 3], exemptTypes: [38] };
const sms = { notify_way: 2, chuanbo_type_id: 39 };
const at = (beijing: string) => new Date(`${beijing}+08:00`);

describe("quietHoursHit", () => {
  it.each([
    ["2026-05-01T21:29:59", null],
    ["2026-05-01T21:30:00", "2026-05-02T07:30:00"],
    ["2026-05-01T23:59:00", "2026-05-02T07:30:00"],
    ["2026-05-02T00:00:00", "2026-05-02T07:30:00"],
    ["2026-05-02T07:29:00", "2026-05-02T07:30:00"],
    ["2026-05-02T07:30:00", null],
    ["2026-05-02T12:00:00", null],
    // the last day of a year, crossing into the next
    ["2026-12-31T22:00:00", "2027-01-01T07:30:00"],
  ])("a window crossing midnight: %s → next allowed %s", (time, next) => {
    const hit = quietHoursHit(quiet, sms, at(time));
    expect(hit && hit.nextAllowedAt.toISOString()).toBe(next && at(next).toISOString());
  });

  it("reads Beijing time whatever instant is given (UTC 14:00 is 22:00 in Beijing)", () => {
    expect(quietHoursHit(quiet, sms, new Date("2026-05-01T14:00:00Z"))?.nextAllowedAt.toISOString()).toBe("2026-05-01T23:30:00.000Z");
    expect(quietHoursHit(quiet, sms, new Date("2026-05-01T00:00:00Z"))).toBeNull(); // 08:00 Beijing
  });

  it("a window within one day", () => {
    const noon = { ...quiet, start: "12:00", end: "13:00" };
    expect(quietHoursHit(noon, sms, at("2026-05-01T11:59:00"))).toBeNull();
    expect(quietHoursHit(noon, sms, at("2026-05-01T12:30:00"))?.nextAllowedAt).toEqual(at("2026-05-01T13:00:00"));
    expect(quietHoursHit(noon, sms, at("2026-05-01T13:00:00"))).toBeNull();
    expect(quietHoursHit(noon, sms, at("2026-05-01T23:00:00"))).toBeNull();
  });

  it("exempt 消息类型, unlisted channels, no window and hostile windows let it through", () => {
    const night = at("2026-05-01T23:00:00");
    expect(quietHoursHit(quiet, { notify_way: 2, chuanbo_type_id: 38 }, night)).toBeNull();
    expect(quietHoursHit(quiet, { notify_way: 1, chuanbo_type_id: 39 }, night)).toBeNull();
    expect(quietHoursHit(null, sms, night)).toBeNull();
    expect(quietHoursHit(undefined, sms, night)).toBeNull();
    expect(quietHoursHit({ ...quiet, start: "07:30" }, sms, night)).toBeNull(); // start = end: no window
    expect(quietHoursHit({ ...quiet, start: "25:00" }, sms, night)).toBeNull();
    expect(quietHoursHit({ ...quiet, start: "9:30" }, sms, night)).toBeNull();
    expect(quietHoursHit(quiet, { notify_way: 3, chuanbo_type_id: 40 }, night)).not.toBeNull();
  });

  it("judges the time the push goes out: a scheduled time outside the window passes even if now is inside", () => {
    expect(quietHoursHit(quiet, sms, at("2026-05-02T07:30:00"))).toBeNull();
    expect(quietHoursHit(quiet, sms, at("2026-05-02T06:00:00"))).not.toBeNull();
  });
});

describe("scheduled_at", () => {
  it.each([
    ["2026-05-01T07:30:00+08:00", "2026-04-30T23:30:00.000Z"],
    ["2026-05-01T07:30+08:00", "2026-04-30T23:30:00.000Z"],
    ["2026-05-01T07:30:00.5Z", "2026-05-01T07:30:00.500Z"],
    ["2026-05-01T07:30:00", null], // no offset: whose 07:30?
    ["2026-05-01 07:30:00+08:00", null],
    ["2026-13-01T07:30:00Z", null],
    ["tomorrow", null],
    ["", null],
    ["1714520000000", null],
  ])("parses %s", (raw, iso) => {
    expect(parseScheduledAt(raw)?.toISOString() ?? null).toBe(iso);
  });

  const now = new Date("2026-05-01T00:00:00Z");
  it.each([
    [119, "至少在 2 分钟之后"],
    [120, null],
    [-60, "至少在 2 分钟之后"],
    [30 * 86_400, null],
    [30 * 86_400 + 1, "最多在 30 天之内"],
  ])("%s seconds ahead with a 120 s lead", (seconds, problem) => {
    const result = scheduleProblem(new Date(now.getTime() + seconds * 1000), now, { minLeadSeconds: 120 });
    if (problem === null) expect(result).toBeNull();
    else expect(result).toContain(problem);
  });

  it("a lead in seconds reads as seconds", () => {
    expect(scheduleProblem(now, now, { minLeadSeconds: 2 })).toContain("2 秒");
  });
});

describe("dueState", () => {
  const due = new Date("2026-05-01T00:00:00Z");
  const grace = 10 * 60_000;
  it.each([
    [-1, "early"],
    [0, "due"],
    [grace, "due"],
    [grace + 1, "late"],
    [86_400_000, "late"],
  ] as const)("%s ms after its time", (late, state) => {
    expect(dueState(due, new Date(due.getTime() + late), grace)).toBe(state);
  });
});

describe("the picker's Beijing time", () => {
  it("round-trips a datetime-local value as Beijing time", () => {
    expect(chinaLocalInputToIso("2026-05-01T07:30")).toBe("2026-05-01T07:30:00+08:00");
    expect(toChinaLocalInput(new Date("2026-04-30T23:30:00Z"))).toBe("2026-05-01T07:30");
    expect(chinaLocalInputToIso("2026-05-01")).toBeNull();
    expect(chinaLocalInputToIso("")).toBeNull();
  });

  it("counts down", () => {
    const now = new Date("2026-05-01T00:00:00Z");
    const later = (s: number) => new Date(now.getTime() + s * 1000);
    expect(countdownText(later(-5), now)).toBe("即将发送");
    expect(countdownText(later(42), now)).toBe("还有 42 秒");
    expect(countdownText(later(5 * 60), now)).toBe("还有 5 分钟");
    expect(countdownText(later(3 * 3600 + 60), now)).toBe("还有 3 小时 1 分钟");
    expect(countdownText(later(2 * 86_400 + 3 * 3600), now)).toBe("还有 2 天 3 小时");
  });
});
