"use client";

import { buttonClasses } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

// 清空 asks first: a draft is work that cannot be got back.

export function ClearDialog({ onCancel, onConfirm }: { onCancel: () => void; onConfirm: () => void }) {
  return (
    <Dialog
      open
      onClose={onCancel}
      title="清空这份草稿？"
      footer={
        <>
          <button type="button" data-autofocus className={buttonClasses("secondary")} onClick={onCancel}>
            取消
          </button>
          <button type="button" className={buttonClasses("danger")} onClick={onConfirm}>
            清空
          </button>
        </>
      }
    >
      <p className="text-sm">已填写的内容和选好的用户组都会删除，无法恢复。</p>
    </Dialog>
  );
}
