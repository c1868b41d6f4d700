"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { onDemand } from "@/components/ui/on-demand";
import type { Template } from "@/lib/templates/template";
import type { PushRecord } from "@/lib/validations/push-record";

// 存为模板 from a history record: that record's channel content, named by the editor.

type DialogProps = { record: PushRecord; onClose: () => void; onSaved: (template: Template) => void };

// The dialog and the record-to-template conversion load together, on the first 存为模板; with them
// react-query, which the shared dialog saves through (this page has no QueryProvider of its own).
const SaveDialog = onDemand(async () => {
  const [{ SaveTemplateDialog }, { valuesFromPush }, { templateFromValues }, { QueryProvider }] = await Promise.all([
    import("@/components/templates/save-template-dialog"),
    import("@/lib/compose/values"),
    import("@/lib/templates/fill"),
    import("@/components/query-provider"),
  ]);
  return function SaveRecordDialog({ record, onClose, onSaved }: DialogProps) {
    return (
      <QueryProvider>
        <SaveTemplateDialog
          notifyWay={record.body.notify_way}
          defaultName={record.name}
          body={(name) => templateFromValues(name, valuesFromPush(record.body))}
          onClose={onClose}
          onSaved={onSaved}
        />
      </QueryProvider>
    );
  };
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
        <SaveDialog
          record={record}
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
