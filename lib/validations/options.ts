import * as z from "zod/mini";
import { NOTIFY_WAYS } from "@/lib/validations/push";

// The ids the vendor hands over offline, each with a name people know (GET /api/options).

const named = z.object({ id: z.number().check(z.int(), z.positive()), name: z.string().check(z.minLength(1)) });

export const optionsSchema = z.object({
  sections: z.array(named).check(z.minLength(1)),
  types: z.array(named).check(z.minLength(1)),
  directives: z._default(z.array(named), []),
  smsSignatures: z._default(z.array(z.extend(named, { text: z.string().check(z.minLength(1)) })), []),
  icons: z._default(z.array(z.object({ url: z.url({ protocol: /^https?$/ }), name: z.string().check(z.minLength(1)) })), []),
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
});

export type Options = z.output<typeof optionsSchema>;
/** What the browser gets: names and ids, nothing else of the server's configuration. */
export type PublicOptions = Pick<Options, "sections" | "types" | "directives" | "smsSignatures" | "icons"> & {
  testGroupId: number | null;
};
