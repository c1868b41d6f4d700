import * as z from "zod/mini";

// The ids the vendor hands over offline, each with a name people know (GET /api/options).

const named = z.object({ id: z.number().check(z.int(), z.positive()), name: z.string().check(z.minLength(1)) });

export const optionsSchema = z.object({
  sections: z.array(named).check(z.minLength(1)),
  types: z.array(named).check(z.minLength(1)),
  directives: z._default(z.array(named), []),
  smsSignatures: z._default(
    z.array(z.extend(named, { text: z.string().check(z.minLength(1)) })),
    [],
  ),
  icons: z._default(
    z.array(z.object({ url: z.url({ protocol: /^https?$/ }), name: z.string().check(z.minLength(1)) })),
    [],
  ),
  /** A group of the newsroom's own phones, for 发送到测试组. */
  testGroupId: z.optional(z.number().check(z.int(), z.positive())),
});

export type Options = z.output<typeof optionsSchema>;
/** What the browser gets: names and ids, nothing else of the server's configuration. */
export type PublicOptions = Pick<Options, "sections" | "types" | "directives" | "smsSignatures" | "icons"> & {
  testGroupId: number | null;
};
