"use client";

import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { ErrorText } from "@/components/ui/error-text";
import { Counter, Field } from "@/components/ui/field";
import { TextInput } from "@/components/ui/text-input";
import { useFocusOnFailure } from "@/components/ui/use-focus-on-failure";
import { ApiError } from "@/lib/api/fetch-json";
import { TEMPLATE_NAME_MAX, type Template } from "@/lib/templates/template";
import { useCreateTemplate } from "@/lib/templates/templates-query";
import { countCodePoints } from "@/lib/text/code-points";
import { NOTIFY_WAY_LABELS, type NotifyWay } from "@/lib/validations/push-labels";

// 存为模板: names the current channel's content (from the composer or a history record) and saves it
// for the team. The server checks it by the push's own rules; its messages are shown here as they come.

export function SaveTemplateDialog(props: {
  notifyWay: NotifyWay;
  /** The body to post, with the name the editor gives it. */
  body: (name: string) => Record<string, unknown>;
  defaultName?: string;
  onClose: () => void;
  onSaved: (template: Template) => void;
}) {
  const { notifyWay, body, defaultName = "", onClose, onSaved } = props;
  const [name, setName] = useState(defaultName.slice(0, TEMPLATE_NAME_MAX));
  const create = useCreateTemplate();
  const error = create.error instanceof ApiError ? create.error : null;
  const nameError = error?.fields.name;
  const contentErrors = Object.entries(error?.fields ?? {}).filter(([field]) => field !== "name");
  const form = useRef<HTMLFormElement>(null);

  // A refused save (a name another template has, say): focus on the name, else on what went wrong.
  useFocusOnFailure(create.error, form, '[role="alert"]');

  return (
    <Dialog open onClose={onClose} locked={create.isPending} title="存为模板">
      <form
        ref={form}
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          // React bubbles a submit through portals to any form around the opener.
          e.stopPropagation();
          create.mutate(body(name), { onSuccess: onSaved });
        }}
      >
        <p className="text-sm text-slate-600">把当前的{NOTIFY_WAY_LABELS[notifyWay]}内容存为团队共用的模板；用户组、部门等不会存入。</p>
        <Field
          id="template-name"
          label="模板名称"
          required
          aside={<Counter count={countCodePoints(name)} max={TEMPLATE_NAME_MAX} />}
          error={nameError}
        >
          <TextInput data-autofocus value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        {contentErrors.length > 0 && (
          <Alert variant="error" title="内容还不能存为模板，请先在表单里修改：" tabIndex={-1}>
            <ul className="list-disc pl-5">
              {contentErrors.map(([field, message]) => (
                <li key={field}>{message}</li>
              ))}
            </ul>
          </Alert>
        )}
        {error && !nameError && contentErrors.length === 0 && (
          <Alert variant="error" tabIndex={-1}>
            <ErrorText error={error} />
          </Alert>
        )}
        <DialogActions onCancel={onClose} busy={create.isPending} label="保存模板" busyLabel="正在保存…" />
      </form>
    </Dialog>
  );
}
