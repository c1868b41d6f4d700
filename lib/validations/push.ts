import * as z from "zod/mini";
import { isConsolePath } from "@/lib/pushes/icon-url";
import { countCodePoints } from "@/lib/text/code-points";
import {
  LINK_CONTENT_MAX,
  LINK_TYPES,
  MSG_TEMPLATE_MAX,
  NAME_MAX,
  NOTIFY_WAYS,
  PUSH_CONTENT_MAX,
  PUSH_ICON_MAX,
  PUSH_TITLE_MAX,
  TASK_TAG_MAX,
  VOICE_CONTENT_MAX,
} from "@/lib/validations/push-labels";
import { tooLongMessage } from "@/lib/validations/too-long";
import type { LinkType } from "@/lib/validations/push-labels";

// The rules for push_create, built once for two readers: the vendor's own rules (the simulator holds
// exactly those), and the same with the console's own maxima on top (the composer and POST /api/pushes).

export * from "@/lib/validations/push-labels";

const id = (message: string) => z.number({ error: message }).check(z.int({ error: message }), z.positive({ error: message }));

const trimmed = z.pipe(
  z.string(),
  z.transform((v) => v.trim()),
);

const tooLong = (label: string, max: number) => (value: string) => tooLongMessage(label, max, value);

/** Required text, trimmed, at most `max` characters counted as code points. */
export const text = (label: string, max?: number) =>
  z
    .pipe(
      z.string({ error: `请填写${label}` }),
      z.transform((v) => v.trim()),
    )
    .check(
      z.minLength(1, { error: `请填写${label}` }),
      z.refine((v) => max === undefined || countCodePoints(v) <= max, {
        error: (issue) => tooLong(label, max ?? 0)(String(issue.input)),
      }),
    );

/** Optional text: blank is the same as absent, so an emptied field is never sent. */
const optionalText = (label: string, max?: number) =>
  z
    .optional(
      z.pipe(
        trimmed,
        z.transform((v) => v || undefined),
      ),
    )
    .check(
      z.refine((v) => v === undefined || max === undefined || countCodePoints(v) <= max, {
        error: (issue) => tooLong(label, max ?? 0)(String(issue.input)),
      }),
    );

const httpUrl = (v: string) => {
  try {
    const url = new URL(v);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
};

/** Run the link rules even while other fields are still wrong, so the editor sees them at once. */
const whenLinkFieldsParsed = {
  when: (payload: { issues: ReadonlyArray<{ path?: ReadonlyArray<PropertyKey> }> }) =>
    !payload.issues.some((issue) => issue.path?.[0] === "link_type" || issue.path?.[0] === "link_content"),
};

type LinkFields = { link_type?: LinkType; link_content?: string };
/** The link fields of a parsed notification (its type is generic over `extra` below, which TypeScript cannot narrow). */
const links = (v: unknown) => v as LinkFields;

/** Maxima of the console's own, for fields the vendor leaves unbounded. */
type ConsoleLimits = Partial<Record<"name" | "push_title" | "push_content" | "push_icon" | "link_content", number>>;

/** The console's maxima: every field a person types here is bounded. */
export const CONSOLE_LIMITS = {
  name: NAME_MAX,
  push_title: PUSH_TITLE_MAX,
  push_content: PUSH_CONTENT_MAX,
  push_icon: PUSH_ICON_MAX,
  link_content: LINK_CONTENT_MAX,
} as const satisfies ConsoleLimits;

const groupIds = z
  .array(id("用户组 id 必须是正整数"), { error: "请至少选择一个推送用户组" })
  .check(z.minLength(1, { error: "请至少选择一个推送用户组" }));

/**
 * What the push policy looks at (POST /api/pushes/preflight): the channel, the groups, and the
 * 消息类型 for 免打扰's exemptions (not chosen yet: 免打扰 is not told yet). Other fields of a draft are ignored.
 */
export const policyFieldsSchema = z.object({
  notify_way: z.literal(NOTIFY_WAYS, { error: "请选择推送类型：系统通知、短信推送或语音消息" }),
  chuanbo_group: groupIds,
  chuanbo_type_id: z.optional(id("请选择消息类型")),
});

/** The fields every channel shares: who and how a push goes out (not part of a template). */
const commonFields = (limits: ConsoleLimits) => ({
  name: text("推送名字", limits.name),
  section_id: id("请选择部门"),
  chuanbo_type_id: id("请选择消息类型"),
  chuanbo_directive_id: z.optional(id("请选择有效的传播指令")),
  task_tag: optionalText("推送标签", TASK_TAG_MAX),
  chuanbo_group: groupIds,
});

/**
 * The three channels with their content fields, each beside `extra` (a push's common fields, or a
 * template's name): one definition of a channel's rules and messages for pushes and templates alike.
 */
export function channelUnion<Extra extends z.core.$ZodLooseShape>(extra: Extra, limits: ConsoleLimits) {
  const notificationPush = z
    .object({
      ...extra,
      notify_way: z.literal(1),
      push_title: text("推送标题", limits.push_title),
      push_content: text("推送内容", limits.push_content),
      push_icon: z.optional(
        z
          .pipe(
            trimmed,
            z.transform((v) => v || undefined),
          )
          .check(
            z.refine((v) => v === undefined || httpUrl(v) || isConsolePath(v), {
              error: "消息图标须是以 http:// 或 https:// 开头的图片地址，或本控制台的图标（如 /icons/news.svg）",
            }),
            z.refine((v) => v === undefined || limits.push_icon === undefined || countCodePoints(v) <= limits.push_icon, {
              error: (issue) => tooLong("消息图标地址", limits.push_icon ?? 0)(String(issue.input)),
            }),
          ),
      ),
      link_type: z.optional(z.literal(LINK_TYPES, { error: "链接类型只能是稿件或通知" })),
      link_content: optionalText("链接内容", limits.link_content),
    })
    .check(
      z.refine((v) => links(v).link_type === undefined || links(v).link_content !== undefined, {
        error: "选了链接类型，请填写链接内容",
        path: ["link_content"],
        ...whenLinkFieldsParsed,
      }),
      z.refine((v) => links(v).link_type !== 2 || links(v).link_content === undefined || /^\d+$/.test(links(v).link_content ?? ""), {
        error: "稿件 id 只能是数字",
        path: ["link_content"],
        ...whenLinkFieldsParsed,
      }),
      z.refine((v) => links(v).link_content === undefined || links(v).link_type !== undefined, {
        error: "填了链接内容，请选择链接类型",
        path: ["link_type"],
        ...whenLinkFieldsParsed,
      }),
    );

  const smsPush = z.object({
    ...extra,
    notify_way: z.literal(2),
    msg_sign_id: id("请选择短信签名"),
    msg_template: text("短信模板", MSG_TEMPLATE_MAX),
  });

  const voicePush = z.object({
    ...extra,
    notify_way: z.literal(3),
    voice_content: text("语音模板", VOICE_CONTENT_MAX),
  });

  return z.discriminatedUnion("notify_way", [notificationPush, smsPush, voicePush], {
    error: "请选择推送类型：系统通知、短信推送或语音消息",
  });
}

const buildPushSchema = (limits: ConsoleLimits) => channelUnion(commonFields(limits), limits);

/** The vendor's rules alone: what the simulator accepts, exactly as the vendor would. */
export const vendorPushSchema = buildPushSchema({});

/** The vendor's rules and the console's maxima: the composer form and POST /api/pushes. */
export const pushSchema = buildPushSchema(CONSOLE_LIMITS);

export type PushInput = z.input<typeof pushSchema>;
export type Push = z.output<typeof pushSchema>;
