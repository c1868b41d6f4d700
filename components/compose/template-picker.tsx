"use client";

import { useEffect, useRef, useState } from "react";
import { TemplateList } from "@/components/templates/template-list";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmActions } from "@/components/ui/confirm-actions";
import { Dialog } from "@/components/ui/dialog";
import { NOTIFY_WAY_LABELS } from "@/lib/validations/push-labels";
import type { Template } from "@/lib/templates/template";

// 选择模板: a searchable list; choosing fills the template's channel. When that would replace what the
// editor has typed, it asks first (templateOverwrites decides), focus on the safe choice.

export function TemplatePicker(props: {
  overwrites: (template: Template) => boolean;
  onChoose: (template: Template) => void;
  onClose: () => void;
}) {
  const { overwrites, onChoose, onClose } = props;
  const [asking, setAsking] = useState<Template | null>(null);
  const choose = (template: Template) => (overwrites(template) ? setAsking(template) : onChoose(template));

  return (
    <Dialog open onClose={onClose} title="选择模板">
      {asking ? (
        <OverwriteQuestion template={asking} onConfirm={() => onChoose(asking)} onBack={() => setAsking(null)} />
      ) : (
        <TemplateList
          autoFocus
          actions={(template) => (
            <Button variant="primary" aria-label={`使用「${template.name}」`} onClick={() => choose(template)}>
              使用
            </Button>
          )}
        />
      )}
    </Dialog>
  );
}

/**
 * Asked in place of the list, inside the open dialog: it is announced (an alert) and focus moves to
 * 返回列表 (the dialog itself focuses only as it opens, and the pressed 使用 is gone with the list).
 */
function OverwriteQuestion({ template, onConfirm, onBack }: { template: Template; onConfirm: () => void; onBack: () => void }) {
  const actions = useRef<HTMLDivElement>(null);
  useEffect(() => actions.current?.querySelector<HTMLElement>("[data-autofocus]")?.focus(), []);
  const channel = NOTIFY_WAY_LABELS[template.notify_way];
  return (
    <Alert
      variant="warning"
      title={`用模板「${template.name}」覆盖已填写的${channel}内容？`}
      action={
        <div ref={actions} className="flex flex-wrap gap-2">
          <ConfirmActions safeLabel="返回列表" label="用模板覆盖" onCancel={onBack} onConfirm={onConfirm} />
        </div>
      }
    >
      {channel}里已经填写的内容会被模板替换；用户组和其他信息不变。
    </Alert>
  );
}
