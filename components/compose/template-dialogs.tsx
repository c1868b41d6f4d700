"use client";

import { createPortal } from "react-dom";
import { TemplatePicker } from "@/components/compose/template-picker";
import { QueryProvider } from "@/components/query-provider";
import { SaveTemplateDialog } from "@/components/templates/save-template-dialog";
import { applyTemplate, CHANNEL_FIELDS, templateFromValues, templateOverwrites } from "@/lib/templates/fill";
import type { ComposeForm } from "@/components/compose/channel-fields";
import type { Template } from "@/lib/templates/template";

// 选择模板's list and 存为模板's dialog, loaded on the first click (template-actions.tsx). They read
// and write through react-query (a cache kept while the composer is open), which the composer
// itself does not ship: its provider comes with them.

export function TemplateDialogs(props: {
  form: ComposeForm;
  open: "pick" | "save";
  close: () => void;
  setNotice: (notice: string) => void;
}) {
  const { form, open, close, setNotice } = props;
  const choose = (template: Template) => {
    const next = applyTemplate(form.getValues(), template);
    form.setValue("notify_way", next.notify_way, { shouldDirty: true });
    for (const field of CHANNEL_FIELDS[next.notify_way]) form.setValue(field, next[field], { shouldDirty: true });
    if (form.formState.isSubmitted) void form.trigger();
    setNotice(`已填入模板「${template.name}」的内容。`);
    close();
  };

  return (
    <QueryProvider>
      {/* On <body>: the dialogs hold forms of their own, which may not sit inside the composer's form. */}
      {open === "pick" &&
        createPortal(
          <TemplatePicker overwrites={(template) => templateOverwrites(form.getValues(), template)} onChoose={choose} onClose={close} />,
          document.body,
        )}
      {open === "save" &&
        createPortal(
          <SaveTemplateDialog
            notifyWay={form.getValues("notify_way")}
            body={(name) => templateFromValues(name, form.getValues())}
            onClose={close}
            onSaved={(template) => {
              setNotice(`已存为模板「${template.name}」。`);
              close();
            }}
          />,
          document.body,
        )}
    </QueryProvider>
  );
}
