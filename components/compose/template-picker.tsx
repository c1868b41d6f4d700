"use client";

import { useState } from "react";
import { TemplateList } from "@/components/templates/template-list";
import { AskInPlace } from "@/components/ui/ask-in-place";
import { Button } from "@/components/ui/button";
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
        <AskInPlace
          title={`用模板「${asking.name}」覆盖已填写的${NOTIFY_WAY_LABELS[asking.notify_way]}内容？`}
          safeLabel="返回列表"
          label="用模板覆盖"
          onCancel={() => setAsking(null)}
          onConfirm={() => onChoose(asking)}
        >
          {NOTIFY_WAY_LABELS[asking.notify_way]}里已经填写的内容会被模板替换；用户组和其他信息不变。
        </AskInPlace>
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
