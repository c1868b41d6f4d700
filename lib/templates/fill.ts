import type { ComposeValues } from "@/lib/compose/values";
import type { NotifyWay } from "@/lib/validations/push-labels";
import type { TemplateBody } from "@/lib/validations/template";

// Between the composer's values and a template: a template holds one channel's content fields only
// (never the groups, department, type or the push's name), so choosing one changes only those.

export const CHANNEL_FIELDS = {
  1: ["push_title", "push_content", "push_icon", "link_type", "link_content"],
  2: ["msg_sign_id", "msg_template"],
  3: ["voice_content"],
} as const satisfies Record<NotifyWay, ReadonlyArray<keyof ComposeValues>>;

type ChannelField = (typeof CHANNEL_FIELDS)[NotifyWay][number];

/** What would be posted to save the form's current channel as a template (the server parses it). */
export function templateFromValues(name: string, values: ComposeValues): Record<string, unknown> {
  const body: Record<string, unknown> = { name, notify_way: values.notify_way };
  for (const field of CHANNEL_FIELDS[values.notify_way]) {
    const value = values[field];
    // Blank optional fields are left out, as the push schema would drop them.
    if (value !== undefined && value !== "") body[field] = value;
  }
  return body;
}

/** The template's channel's fields, as the form holds them (absent optional fields as blank). */
function fieldsOf(template: TemplateBody): Partial<Pick<ComposeValues, ChannelField>> {
  switch (template.notify_way) {
    case 1:
      return {
        push_title: template.push_title,
        push_content: template.push_content,
        push_icon: template.push_icon ?? "",
        link_type: template.link_type,
        link_content: template.link_content ?? "",
      };
    case 2:
      return { msg_sign_id: template.msg_sign_id, msg_template: template.msg_template };
    case 3:
      return { voice_content: template.voice_content };
  }
}

/** The form with the template's channel chosen and its fields filled; everything else as it was. */
export function applyTemplate(values: ComposeValues, template: TemplateBody): ComposeValues {
  return { ...values, ...fieldsOf(template), notify_way: template.notify_way };
}

/** Whether choosing the template would replace something already typed in that channel's fields. */
export function templateOverwrites(values: ComposeValues, template: TemplateBody): boolean {
  const next = fieldsOf(template);
  return CHANNEL_FIELDS[template.notify_way].some((field) => {
    const now = values[field];
    const blank = now === undefined || (typeof now === "string" && now.trim() === "");
    return !blank && now !== next[field as keyof typeof next];
  });
}
