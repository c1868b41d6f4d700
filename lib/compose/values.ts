import type { LinkType, NotifyWay, Push } from "@/lib/validations/push";

// The composer's values: every channel's fields at once, so switching channel keeps what was typed.
// The schema (pushSchema) picks the chosen channel's fields and drops the rest.

export type ComposeValues = {
  name: string;
  section_id: number | undefined;
  chuanbo_type_id: number | undefined;
  chuanbo_directive_id: number | undefined;
  task_tag: string;
  chuanbo_group: number[];
  notify_way: NotifyWay;
  push_title: string;
  push_content: string;
  push_icon: string;
  link_type: LinkType | undefined;
  link_content: string;
  msg_sign_id: number | undefined;
  msg_template: string;
  voice_content: string;
};

export function emptyValues(): ComposeValues {
  return {
    name: "",
    section_id: undefined,
    chuanbo_type_id: undefined,
    chuanbo_directive_id: undefined,
    task_tag: "",
    chuanbo_group: [],
    notify_way: 1,
    push_title: "",
    push_content: "",
    push_icon: "",
    link_type: undefined,
    link_content: "",
    msg_sign_id: undefined,
    msg_template: "",
    voice_content: "",
  };
}

/** A sent (or recorded) push back into the form, for 再发一条 and 复制为新推送. */
export function valuesFromPush(push: Push): ComposeValues {
  const values: ComposeValues = {
    ...emptyValues(),
    name: push.name,
    section_id: push.section_id,
    chuanbo_type_id: push.chuanbo_type_id,
    chuanbo_directive_id: push.chuanbo_directive_id,
    task_tag: push.task_tag ?? "",
    chuanbo_group: [...push.chuanbo_group],
    notify_way: push.notify_way,
  };
  switch (push.notify_way) {
    case 1:
      return {
        ...values,
        push_title: push.push_title,
        push_content: push.push_content,
        push_icon: push.push_icon ?? "",
        link_type: push.link_type,
        link_content: push.link_content ?? "",
      };
    case 2:
      return { ...values, msg_sign_id: push.msg_sign_id, msg_template: push.msg_template };
    case 3:
      return { ...values, voice_content: push.voice_content };
  }
}

/** A stable text of what would be sent, to tell "the same push again" from "a changed push". */
export function bodyFingerprint(push: Push): string {
  const entries = Object.entries(push).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify(entries);
}
