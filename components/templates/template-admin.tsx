"use client";

import { useState } from "react";
import { TemplateList } from "@/components/templates/template-list";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { onDemand } from "@/components/ui/on-demand";
import { ApiError } from "@/lib/api/fetch-json";
import { canEditTemplate, type Template } from "@/lib/templates/template";
import { useDeleteTemplate } from "@/lib/templates/templates-query";
import type { Role } from "@/lib/auth/roles";

// /templates: the team's templates. 编辑 and 删除 show where canEditTemplate allows (the server decides again).

// The 删除 question too (mounted when asked, so fetched then).
const Dialog = onDemand(() => import("@/components/ui/dialog").then((m) => m.Dialog));
const EditTemplateDialog = onDemand(() => import("@/components/templates/edit-template-dialog").then((m) => m.EditTemplateDialog));

export function TemplateAdmin({ me }: { me: { username: string; roles: Role[] } }) {
  const [editing, setEditing] = useState<Template | null>(null);
  const [deleting, setDeleting] = useState<Template | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const remove = useDeleteTemplate();

  // Dialog returns focus to the button that opened it.
  const open = (kind: "edit" | "delete", template: Template) => {
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
    <div className="flex flex-col gap-4">
      {notice && <Alert variant="success">{notice}</Alert>}
      <TemplateList
        actions={(template) =>
          canEditTemplate(me, template) && (
            <>
              <Button aria-label={`编辑「${template.name}」`} onClick={() => open("edit", template)}>
                编辑
              </Button>
              <Button variant="ghost" aria-label={`删除「${template.name}」`} onClick={() => open("delete", template)}>
                删除
              </Button>
            </>
          )
        }
      />
      {editing && (
        <EditTemplateDialog
          template={editing}
          onClose={close}
          onSaved={() => {
            setNotice(`已保存模板「${editing.name}」的修改。`);
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
            <>
              <button type="button" data-autofocus className={buttonClasses("secondary")} onClick={close} disabled={remove.isPending}>
                取消
              </button>
              <button
                type="button"
                className={buttonClasses("danger")}
                disabled={remove.isPending}
                onClick={() =>
                  remove.mutate(deleting.id, {
                    onSuccess: () => {
                      setNotice(`已删除模板「${deleting.name}」。`);
                      close();
                    },
                  })
                }
              >
                {remove.isPending ? "正在删除…" : "删除"}
              </button>
            </>
          }
        >
          <p className="text-sm">整个团队都将不能再使用这个模板，删除后无法恢复。已发出的推送不受影响。</p>
          {remove.error && (
            <Alert variant="error" className="mt-3">
              {remove.error instanceof ApiError ? remove.error.message : "删除失败，请重试。"}
            </Alert>
          )}
        </Dialog>
      )}
    </div>
  );
}
