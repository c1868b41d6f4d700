"use client";

import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";

// A modal on the native <dialog>: showModal makes the rest of the page inert and Esc closes it. Tab
// cycles inside (the browser would let it out to its own toolbar). Mark the first focus with
// data-autofocus. Focus goes back to the control that opened it, whether the dialog is closed or
// unmounted (the browser only handles the first), once the modal is gone and the page takes focus
// again. Below the sm breakpoint it takes the whole screen.

const FOCUSABLE =
  "button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

function keepFocusInside(event: KeyboardEvent<HTMLDialogElement>) {
  if (event.key !== "Tab") return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = items[0];
  const last = items.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

function returnFocus(opener: { current: HTMLElement | null }) {
  const element = opener.current;
  opener.current = null;
  if (element?.isConnected && element !== document.body) element.focus();
}

export function Dialog(props: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  /** Buttons under the content; a dialog holding a form may keep its buttons in the form instead. */
  footer?: ReactNode;
  /** While true, Esc and the close button do nothing (e.g. a send in flight). */
  locked?: boolean;
}) {
  const { open, onClose, title, children, footer, locked } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      // React does not render autoFocus as an attribute, so showModal would pick the first button.
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    }
    if (!open && dialog.open) {
      dialog.close();
      returnFocus(opener);
    }
  }, [open]);
  // Unmounted while open: this runs after the dialog has left the page (and not for React's
  // development-time remount, which leaves it in place).
  useEffect(() => {
    const dialog = ref.current;
    return () => {
      // Not when a change has already put focus where its outcome is said (focusWhenShown, which
      // may run first): only focus that fell to <body> with the dialog goes back to the opener.
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (!dialog?.isConnected && lost) returnFocus(opener);
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onKeyDown={keepFocusInside}
      onCancel={(event) => {
        event.preventDefault();
        if (!locked) onClose();
      }}
      className="m-auto w-[min(42rem,calc(100vw-2rem))] rounded-xl bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-900/50 max-sm:h-dvh max-sm:max-h-none max-sm:w-screen max-sm:max-w-none max-sm:rounded-none"
    >
      {open && (
        <div className="flex max-h-[85vh] flex-col max-sm:h-full max-sm:max-h-none">
          <div className="flex items-center justify-between border-b border-slate-200 px-5 py-3">
            <h2 id={titleId} className="text-base font-semibold">
              {title}
            </h2>
            <button
              type="button"
              onClick={onClose}
              disabled={locked}
              aria-label="关闭"
              className="min-h-8 min-w-8 rounded-md text-lg leading-none text-slate-500 hover:bg-slate-100 disabled:opacity-40"
            >
              ×
            </button>
          </div>
          <div className="flex-1 overflow-y-auto px-5 py-4">{children}</div>
          {footer && <div className="flex flex-wrap justify-end gap-2 border-t border-slate-200 px-5 py-3">{footer}</div>}
        </div>
      )}
    </dialog>
  );
}

/** A dialog form's footer: 取消 and the button that submits it, both still while the request is out. */
export function DialogActions(props: {
  onCancel: () => void;
  busy: boolean;
  label: string;
  busyLabel: string;
  variant?: ButtonVariant;
  /** Nothing to fill in before an action that cannot be undone: 取消 takes the first focus. */
  cancelFirst?: boolean;
}) {
  const { onCancel, busy, label, busyLabel, variant = "primary", cancelFirst } = props;
  return (
    <div className="flex flex-wrap justify-end gap-2">
      <Button variant="secondary" onClick={onCancel} disabled={busy} data-autofocus={cancelFirst || undefined}>
        取消
      </Button>
      <Button type="submit" variant={variant} disabled={busy}>
        {busy ? busyLabel : label}
      </Button>
    </div>
  );
}
