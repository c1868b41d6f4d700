"use client";

import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { ErrorText } from "@/components/ui/error-text";
import { Counter, Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { TextInput } from "@/components/ui/text-input";
import { Textarea } from "@/components/ui/textarea";
import { useFocusOnFailure } from "@/components/ui/use-focus-on-failure";
import { ApiError } from "@/lib/api/fetch-json";
import { useChange } from "@/lib/api/use-change";
import { CHANNEL_FIELDS } from "@/lib/templates/fill";
import { TEMPLATE_NAME_MAX } from "@/lib/templates/template";
import { updateTemplate } from "@/lib/templates/templates-api";
import { countCodePoints } from "@/lib/text/code-points";
import { LINK_TYPE_LABELS, LINK_TYPES, NOTIFY_WAY_LABELS } from "@/lib/validations/push-labels";
import type { Template } from "@/lib/templates/template";
import type { PublicOptions } from "@/lib/validations/options";

// 编辑模板: its name and its channel's fields, checked by the server with the push's own rules.

type Values = Record<string, string>;

const LABELS: Record<string, string> = {
  push_title: "推送标题",
  push_content: "推送内容",
  push_icon: "消息图标",
  link_type: "链接类型",
  link_content: "链接内容",
  msg_sign_id: "短信签名",
  msg_template: "短信模板",
  voice_content: "语音模板",
};
const LONG = new Set(["push_content", "msg_template", "voice_content"]);
const NUMERIC = new Set(["link_type", "msg_sign_id"]);
const OPTIONAL = new Set(["push_icon", "link_type", "link_content"]);

function initialValues(template: Template): Values {
  const values: Values = { name: template.name };
  for (const field of CHANNEL_FIELDS[template.notify_way]) {
    const value = (template as Record<string, unknown>)[field];
    values[field] = value === undefined ? "" : String(value);
  }
  return values;
}

export function EditTemplateDialog(props: {
  template: Template;
  /** The server's 短信签名 (publicOptions), for the one select that needs them. */
  smsSignatures: PublicOptions["smsSignatures"];
  onClose: () => void;
  /** With the template as the server saved it (its new name, if renamed). */
  onSaved: (saved: Template) => void;
}) {
  const { template, smsSignatures, onClose, onSaved } = props;
  const [values, setValues] = useState(() => initialValues(template));
  const update = useChange(updateTemplate);
  const form = useRef<HTMLFormElement>(null);
  const error = update.error instanceof ApiError ? update.error : null;
  const fields = ["name", ...CHANNEL_FIELDS[template.notify_way]];
  const unplaced = error && !fields.some((field) => error.fields[field]);

  // A refused save: focus on the first field the server named, or on the message, inside the dialog.
  useFocusOnFailure(update.error, form, "#template-edit-error");

  const submit = () => {
    const body: Record<string, unknown> = { notify_way: template.notify_way };
    for (const field of fields) {
      const value = values[field] ?? "";
      if (value === "") continue;
      body[field] = NUMERIC.has(field) ? Number(value) : value;
    }
    // A failure stays in the dialog with what was typed (after a 404, useChange renders the list again).
    void update.mutate({ id: template.id, template: body }).then((saved) => {
      if (saved) onSaved(saved);
    });
  };

  const control = (field: string) => {
    const props = {
      value: values[field] ?? "",
      onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value })),
      ...(field === "name" ? { "data-autofocus": true } : {}),
    };
    if (field === "link_type") {
      return <Select placeholder="不设链接" options={LINK_TYPES.map((value) => ({ value, label: LINK_TYPE_LABELS[value] }))} {...props} />;
    }
    if (field === "msg_sign_id") {
      return <Select placeholder="请选择短信签名" options={smsSignatures.map((s) => ({ value: s.id, label: s.name }))} {...props} />;
    }
    return LONG.has(field) ? <Textarea {...props} /> : <TextInput {...props} />;
  };

  return (
    <Dialog open onClose={onClose} locked={update.isPending} title={`编辑模板（${NOTIFY_WAY_LABELS[template.notify_way]}）`}>
      <form
        ref={form}
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          // React bubbles a submit through portals to any form around the opener.
          e.stopPropagation();
          submit();
        }}
      >
        {fields.map((field) => (
          <Field
            key={field}
            id={`template-${field}`}
            label={field === "name" ? "模板名称" : LABELS[field]}
            required={!OPTIONAL.has(field)}
            aside={field === "name" && <Counter count={countCodePoints(values.name ?? "")} max={TEMPLATE_NAME_MAX} />}
            error={error?.fields[field]}
          >
            {control(field)}
          </Field>
        ))}
        {unplaced && (
          <Alert id="template-edit-error" variant="error" tabIndex={-1}>
            <ErrorText error={error} />
          </Alert>
        )}
        <DialogActions onCancel={onClose} busy={update.isPending} label="保存修改" busyLabel="正在保存…" />
      </form>
    </Dialog>
  );
}
