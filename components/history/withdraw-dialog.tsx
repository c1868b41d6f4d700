"use client";

import { Alert } from "@/components/ui/alert";
import { ConfirmActions } from "@/components/ui/confirm-actions";
import { Dialog } from "@/components/ui/dialog";
import { ErrorText } from "@/components/ui/error-text";
import type { Change } from "@/lib/api/use-change";

// The 撤回 question, naming the push: loaded with the button's page once it is up (few records wait
// for their author to withdraw them), not with it.

export function WithdrawDialog(props: {
  name: string;
  open: boolean;
  withdraw: Change<[string], unknown>;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const { name, open, withdraw, onClose, onConfirm } = props;
  return (
    <Dialog
      open={open}
      title={`撤回「${name}」？`}
      onClose={onClose}
      locked={withdraw.isPending}
      footer={
        <ConfirmActions
          safeLabel="不撤回"
          label="确认撤回，不发送"
          busyLabel="正在撤回…"
          busy={withdraw.isPending}
          onCancel={onClose}
          onConfirm={onConfirm}
        />
      }
    >
      <div className="space-y-3 text-sm">
        <p>撤回后这条推送不会发出，审核人也不会再看到它；如仍需发送，请复制为新推送。</p>
        {withdraw.error && (
          <Alert variant="error">
            <ErrorText error={withdraw.error} />
          </Alert>
        )}
      </div>
    </Dialog>
  );
}
