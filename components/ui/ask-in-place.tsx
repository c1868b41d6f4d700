"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { ConfirmActions } from "@/components/ui/confirm-actions";

// A question asked in place of what was on the screen (not in a dialog of its own) before something
// replaces what the editor typed: said at once (an alert), the keyboard on the safe choice, since the
// pressed control has gone with what the question replaced.

export function AskInPlace(props: {
  title: string;
  children: ReactNode;
  safeLabel: string;
  label: string;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { title, children, ...actions } = props;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.querySelector<HTMLElement>("[data-autofocus]")?.focus(), []);
  return (
    <Alert
      variant="warning"
      title={title}
      action={
        <div ref={box} className="flex flex-wrap gap-2">
          <ConfirmActions {...actions} />
        </div>
      }
    >
      {children}
    </Alert>
  );
}
