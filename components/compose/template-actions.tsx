"use client";

import { useState } from "react";
import { createPortal } from "react-dom";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { onDemand } from "@/components/ui/on-demand";
import { applyTemplate, CHANNEL_FIELDS, templateFromValues, templateOverwrites } from "@/lib/templates/fill";
import type { ComposeForm } from "@/components/compose/channel-fields";
import type { Template } from "@/lib/templates/template";

// 选择模板 and 存为模板 in the composer. The list and the dialogs are fetched on the first click: the
// page's first load carries only these two buttons.

const TemplatePicker = onDemand(() => import("@/components/compose/template-picker").then((m) => m.TemplatePicker));
const SaveTemplateDialog = onDemand(() => import("@/components/templates/save-template-dialog").then((m) => m.SaveTemplateDialog));

export function TemplateActions({ form }: { form: ComposeForm }) {
  const [open, setOpen] = useState<"pick" | "save" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const close = () => setOpen(null);

  const choose = (template: Template) => {
    const next = applyTemplate(form.getValues(), template);
    form.setValue("notify_way", next.notify_way, { shouldDirty: true });
    for (const field of CHANNEL_FIELDS[next.notify_way]) form.setValue(field, next[field], { shouldDirty: true });
    if (form.formState.isSubmitted) void form.trigger();
    setNotice(`已填入模板「${template.name}」的内容。`);
    close();
  };

  return (
    <div className="flex w-full flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => setOpen("pick")}>选择模板</Button>
        <Button onClick={() => setOpen("save")}>存为模板</Button>
      </div>
      {notice && (
        <Alert variant="success" dense>
          {notice}
        </Alert>
      )}
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
    </div>
  );
}
