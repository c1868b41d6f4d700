import * as z from "zod/mini";
import { isConsolePath } from "@/lib/pushes/icon-url";
import { minutesOfDay, type QuietHours } from "@/lib/pushes/quiet-hours";
import { NOTIFY_WAYS } from "@/lib/validations/push";

// The ids the vendor hands over offline, each with a name people know (GET /api/options).

const timeOfDay = (label: string) =>
  z.string().check(z.refine((v) => Number.isFinite(minutesOfDay(v)), { error: `${label}须是 24 小时制的 HH:MM，例如 21:30` }));

const named = z.object({ id: z.number().check(z.int(), z.positive()), name: z.string().check(z.minLength(1)) });

export const optionsSchema = z.object({
  sections: z.array(named).check(z.minLength(1)),
  types: z.array(named).check(z.minLength(1)),
  directives: z._default(z.array(named), []),
  smsSignatures: z._default(z.array(z.extend(named, { text: z.string().check(z.minLength(1)) })), []),
  /** An icon is a path the console serves (/icons/news.svg, sent to the vendor under CONSOLE_URL) or an http(s) address. */
  icons: z._default(
    z.array(
      z.object({
        url: z.union([
          z.url({ protocol: /^https?$/ }),
          z.string().check(z.refine(isConsolePath, { error: "图标须是 http(s) 地址，或以 / 开头的本控制台路径（如 /icons/news.svg）" })),
        ]),
        name: z.string().check(z.minLength(1)),
      }),
    ),
    [],
  ),
  /** A group of the newsroom's own phones, for 发送到测试组. */
  testGroupId: z.optional(z.number().check(z.int(), z.positive())),
  /**
   * 审批: a push reaching at least minReach people (by the groups' 人数), or going out on one of
   * these channels, waits as pending_approval until a supervisor other than its author approves it.
   */
  approval: z._default(
    z.object({
      minReach: z.optional(z.number().check(z.int(), z.positive())),
      notifyWays: z._default(z.array(z.union(NOTIFY_WAYS.map((way) => z.literal(way)))), []),
      /**
       * Splitting never dodges minReach: what the same editor sent without approval in this many
       * minutes counts toward it.
       */
      windowMinutes: z._default(z.number().check(z.int(), z.positive()), 60),
    }),
    { notifyWays: [], windowMinutes: 60 },
  ),
  /**
   * 免打扰 (Beijing time; may cross midnight): a real push of one of these channels whose 消息类型
   * is not exempt, going out inside the window, needs a reason or a later time.
   */
  quietHours: z.optional(
    z
      .object({
        start: timeOfDay("免打扰开始时间"),
        end: timeOfDay("免打扰结束时间"),
        notifyWays: z._default(z.array(z.union(NOTIFY_WAYS.map((way) => z.literal(way)))), []),
        exemptTypes: z._default(z.array(z.number().check(z.int(), z.positive())), []),
      })
      .check(z.refine((v) => v.start !== v.end, { error: "免打扰的开始和结束时间不能相同" })),
  ),
});

export type Options = z.output<typeof optionsSchema>;
/** What the browser gets: names and ids, nothing else of the server's configuration. */
export type PublicOptions = Pick<Options, "sections" | "types" | "directives" | "smsSignatures" | "icons"> & {
  testGroupId: number | null;
  quietHours: QuietHours | null;
  /** 定时发送's limits, for the composer's picker (the server enforces the same). */
  schedule: { minLeadSeconds: number; graceMinutes: number };
};
