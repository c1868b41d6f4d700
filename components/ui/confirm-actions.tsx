import { Button, type ButtonVariant } from "@/components/ui/button";

// The footer of a dialog that asks before an action (停用, 删除模板, 取消定时发送, 撤回, 清空草稿): the
// safe choice first and focused first, so that Enter twice does nothing; the other button, red,
// says what happens. Both wait while the request is out. Its own small module: pages that load the
// dialog on demand keep it out of their first load too.

export function ConfirmActions(props: {
  safeLabel: string;
  label: string;
  /** Said on the button while the request is out. */
  busyLabel?: string;
  busy?: boolean;
  variant?: ButtonVariant;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { safeLabel, label, busyLabel = label, busy = false, variant = "danger", onCancel, onConfirm } = props;
  // Marked busy, not disabled: the pressed button keeps the keyboard's focus (and a failure said in
  // the dialog is read from where the person is); a press meanwhile does nothing.
  return (
    <>
      <Button variant="secondary" onClick={() => (busy ? undefined : onCancel())} aria-disabled={busy} data-autofocus>
        {safeLabel}
      </Button>
      <Button variant={variant} onClick={() => (busy ? undefined : onConfirm())} aria-disabled={busy}>
        {busy ? busyLabel : label}
      </Button>
    </>
  );
}
