"use client";

import { useState } from "react";
import { AlertOnDemand } from "@/components/ui/alert-on-demand";
import { Button } from "@/components/ui/button";
import { onDemand } from "@/components/ui/on-demand";
import type { ComposeForm } from "@/components/compose/channel-fields";

// 选择模板 and 存为模板 in the composer. The list, the dialogs and what fills the form from a template
// are fetched on the first click: the page's first load carries only these two buttons.

const TemplateDialogs = onDemand(() => import("@/components/compose/template-dialogs").then((m) => m.TemplateDialogs));

export function TemplateActions({ form }: { form: ComposeForm }) {
  const [open, setOpen] = useState<"pick" | "save" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const close = () => setOpen(null);

  return (
    <div className="flex w-full flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => setOpen("pick")}>选择模板</Button>
        <Button onClick={() => setOpen("save")}>存为模板</Button>
      </div>
      {notice && (
        <AlertOnDemand variant="success" dense>
          {notice}
        </AlertOnDemand>
      )}
      {open && <TemplateDialogs form={form} open={open} close={close} setNotice={setNotice} />}
    </div>
  );
}
