"use client";

import { ConfirmActions } from "@/components/ui/confirm-actions";
import { Dialog } from "@/components/ui/dialog";

// 清空草稿 and 放弃修改 ask first: what was typed is work that cannot be got back.

export function ClearDialog({ editing, onCancel, onConfirm }: { editing: boolean; onCancel: () => void; onConfirm: () => void }) {
  const action = editing ? "放弃修改" : "清空草稿";
  return (
    <Dialog
      open
      onClose={onCancel}
      title={editing ? "放弃没有保存的修改？" : "清空这份草稿？"}
      footer={<ConfirmActions safeLabel={editing ? "继续修改" : "取消"} label={action} onCancel={onCancel} onConfirm={onConfirm} />}
    >
      <p className="text-sm">
        {editing ? "这次改动的内容和时间都会删除，无法恢复；这条定时推送保持原样。" : "已填写的内容和选好的用户组都会删除，无法恢复。"}
      </p>
    </Dialog>
  );
}
