import * as z from "zod/mini";
import { TEMPLATE_NAME_MAX } from "@/lib/templates/template";
import { groupsQuerySchema } from "@/lib/validations/group";
import { channelUnion, CONSOLE_LIMITS, NOTIFY_WAYS, text } from "@/lib/validations/push";

// A template's body: its name and one channel's content fields, with exactly the push's rules and
// messages for those fields (the same definition, lib/validations/push.ts). POST and PATCH
// /api/templates and the template dialogs all parse with it.

export const templateSchema = channelUnion({ name: text("模板名称", TEMPLATE_NAME_MAX) }, CONSOLE_LIMITS);

export type TemplateInput = z.input<typeof templateSchema>;
export type TemplateBody = z.output<typeof templateSchema>;

/** GET /api/templates: words to find in the name or content (all of them), a channel, paged like pushes. */
export const templateListQuerySchema = z.object({
  q: z.optional(
    z.pipe(
      z.string(),
      z.transform((raw) => raw.trim().slice(0, 100)),
    ),
  ),
  notify_way: z.optional(
    z.pipe(
      z.string(),
      z.transform((raw, ctx) => {
        if (raw.trim() === "") return undefined;
        const value = NOTIFY_WAYS.find((way) => String(way) === raw.trim());
        if (value === undefined) {
          ctx.issues.push({ code: "custom", input: raw, message: "notify_way 只能是 1（系统通知）、2（短信推送）或 3（语音消息）" });
          return z.NEVER;
        }
        return value;
      }),
    ),
  ),
  current: groupsQuerySchema.shape.current,
  size: groupsQuerySchema.shape.size,
});
export type TemplateListQuery = z.output<typeof templateListQuerySchema>;
