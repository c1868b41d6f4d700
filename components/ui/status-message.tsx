import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

// Error, empty and informational states, in one shape: a title, what to do, and an action.

export type StatusTone = "error" | "empty" | "info";

const TONES: Record<StatusTone, string> = {
  error: "border-red-200 bg-red-50 text-red-900",
  empty: "border-slate-200 bg-white text-slate-700",
  info: "border-blue-200 bg-blue-50 text-blue-900",
};

export function StatusMessage({
  tone,
  title,
  children,
  action,
}: {
  tone: StatusTone;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-lg border px-4 py-6 text-center ${TONES[tone]}`}>
      <p className="font-medium">{title}</p>
      {children && <div className="mt-1 text-sm">{children}</div>}
      {action && <div className="mt-3 flex justify-center gap-2">{action}</div>}
    </div>
  );
}

/** A failed load: what failed, the reason as the server gave it, and 重试. */
export function RetryableError({ title, message, retrying, onRetry }: { title: string; message: string; retrying: boolean; onRetry: () => void }) {
  return (
    <StatusMessage
      tone="error"
      title={title}
      action={
        <Button variant="primary" onClick={onRetry} disabled={retrying}>
          {retrying ? "正在重试…" : "重试"}
        </Button>
      }
    >
      {message}
    </StatusMessage>
  );
}
