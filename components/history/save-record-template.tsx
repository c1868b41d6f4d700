"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { valuesFromPush } from "@/lib/compose/values";
import { templateFromValues } from "@/lib/templates/fill";
import type { PushRecord } from "@/lib/validations/push-record";

// 存为模板 from a history record: that record's channel content, named by the editor.

const SaveTemplateDialog = dynamic(() => import("@/components/templates/save-template-dialog").then((m) => m.SaveTemplateDialog), {
  ssr: false,
});

export function SaveRecordTemplate({ record }: { record: PushRecord }) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const close = () => setOpen(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>存为模板</Button>
      {saved && (
        <Alert variant="success" className="w-full" action={<Link href="/templates">查看常用模板</Link>}>
          已存为模板「{saved}」。
        </Alert>
      )}
      {open && (
        <SaveTemplateDialog
          notifyWay={record.body.notify_way}
          defaultName={record.name}
          body={(name) => templateFromValues(name, valuesFromPush(record.body))}
          onClose={close}
          onSaved={(template) => {
            setSaved(template.name);
            close();
          }}
        />
      )}
    </>
  );
}
