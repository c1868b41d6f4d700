"use client";

import { createContext, use, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmActions } from "@/components/ui/confirm-actions";
import { ErrorText } from "@/components/ui/error-text";
import { focusWhenShown } from "@/components/ui/focus";
import { onDemand } from "@/components/ui/on-demand";
import { useChange } from "@/lib/api/use-change";
import { deleteTemplate } from "@/lib/templates/templates-api";
import type { Template } from "@/lib/templates/template";
import type { PublicOptions } from "@/lib/validations/options";

// /templates in the browser: 编辑 and 删除 (shown by the server where canEditTemplate allows; the
// server decides again), their dialogs and what came of them. The list is rendered on the server.

// The 删除 question too (mounted when asked, so fetched then).
const Dialog = onDemand(() => import("@/components/ui/dialog").then((m) => m.Dialog));
const EditTemplateDialog = onDemand(() => import("@/components/templates/edit-template-dialog").then((m) => m.EditTemplateDialog));

type Open = (kind: "edit" | "delete", template: Template) => void;
const OpenDialog = createContext<Open>(() => {});

export function TemplateAdmin({ smsSignatures, children }: { smsSignatures: PublicOptions["smsSignatures"]; children: ReactNode }) {
  const [editing, setEditing] = useState<Template | null>(null);
  const [deleting, setDeleting] = useState<Template | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const remove = useChange(deleteTemplate);

  // Dialog returns focus to the button that opened it.
  const open: Open = (kind, template) => {
    setNotice(null);
    remove.reset();
    if (kind === "edit") setEditing(template);
    else setDeleting(template);
  };
  const close = () => {
    setEditing(null);
    setDeleting(null);
  };

  return (
    <OpenDialog value={open}>
      <div className="flex flex-col gap-4">
        {notice && (
          <Alert id="template-notice" tabIndex={-1} variant="success">
            {notice}
          </Alert>
        )}
        {children}
        {editing && (
          <EditTemplateDialog
            template={editing}
            smsSignatures={smsSignatures}
            onClose={close}
            onSaved={(saved) => {
              setNotice(
                saved.name === editing.name
                  ? `已保存模板「${saved.name}」的修改。`
                  : `已将模板「${editing.name}」改名为「${saved.name}」。`,
              );
              close();
            }}
          />
        )}
        {deleting && (
          <Dialog
            open
            onClose={close}
            locked={remove.isPending}
            title={`删除模板「${deleting.name}」？`}
            footer={
              <ConfirmActions
                safeLabel="取消"
                label="删除"
                busyLabel="正在删除…"
                busy={remove.isPending}
                onCancel={close}
                onConfirm={async () => {
                  if (await remove.mutate(deleting.id)) {
                    setNotice(`已删除模板「${deleting.name}」。`);
                    close();
                    // Its row, and the button that opened the dialog, are gone: focus goes to what happened.
                    focusWhenShown(() => document.getElementById("template-notice"));
                  }
                }}
              />
            }
          >
            <p className="text-sm">整个团队都将不能再使用这个模板，删除后无法恢复。已发出的推送不受影响。</p>
            {remove.error && (
              <Alert variant="error" className="mt-3">
                <ErrorText error={remove.error} />
              </Alert>
            )}
          </Dialog>
        )}
      </div>
    </OpenDialog>
  );
}

/** 编辑 and 删除 on a template the server found this person may change. */
export function TemplateActions({ template }: { template: Template }) {
  const open = use(OpenDialog);
  return (
    <>
      <Button aria-label={`编辑「${template.name}」`} onClick={() => open("edit", template)}>
        编辑
      </Button>
      <Button variant="ghost" aria-label={`删除「${template.name}」`} onClick={() => open("delete", template)}>
        删除
      </Button>
    </>
  );
}
