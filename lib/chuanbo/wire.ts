import type { Push } from "@/lib/validations/push";

// push_create's wire format: a multipart form of strings under the vendor's names.
// Only the chosen channel's fields go out; removed rows (5, 6, 13, 17, 20) and the curl
// examples' `tag` are never sent.

export type WireFields = Array<[name: string, value: string]>;

export function toWireFields(push: Push): WireFields {
  const fields: WireFields = [
    ["name", push.name],
    ["section_id", String(push.section_id)],
    ["chuanbo_type_id", String(push.chuanbo_type_id)],
  ];
  if (push.chuanbo_directive_id !== undefined) fields.push(["chuanbo_directive_id", String(push.chuanbo_directive_id)]);
  fields.push(["notify_way", String(push.notify_way)]);
  if (push.task_tag !== undefined) fields.push(["task_tag", push.task_tag]);
  fields.push(["chuanbo_group", push.chuanbo_group.join(",")]);
  switch (push.notify_way) {
    case 1:
      if (push.link_type !== undefined) fields.push(["link_type", String(push.link_type)]);
      if (push.link_content !== undefined) fields.push(["link_content", push.link_content]);
      if (push.push_icon !== undefined) fields.push(["push_icon", push.push_icon]);
      fields.push(["push_title", push.push_title], ["push_content", push.push_content]);
      break;
    case 2:
      fields.push(["msg_sign_id", String(push.msg_sign_id)], ["msg_template", push.msg_template]);
      break;
    case 3:
      fields.push(["voice_content", push.voice_content]);
      break;
  }
  return fields;
}

const NUMERIC = new Set(["section_id", "chuanbo_type_id", "chuanbo_directive_id", "notify_way", "link_type", "msg_sign_id"]);

/** The reverse, for the simulator: wire strings back into the schema's input, leaving judgement to the schema. */
export function fromWireFields(fields: ReadonlyMap<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [name, value] of fields) {
    if (name === "chuanbo_group") {
      input[name] = value === "" ? [] : value.split(",").map((part) => (/^\s*\d+\s*$/.test(part) ? Number(part) : part));
    } else if (NUMERIC.has(name)) {
      input[name] = /^\d+$/.test(value) ? Number(value) : value;
    } else {
      input[name] = value;
    }
  }
  return input;
}
