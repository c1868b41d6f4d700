import type { ReactNode } from "react";

/** Why a list or page has nothing to show, and the next step (an action) the person can take. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div role="status" className="rounded-lg border border-slate-200 bg-white px-4 py-6 text-center text-slate-700">
      <p className="font-medium">{title}</p>
      {children && <div className="mt-1 text-sm">{children}</div>}
      {action && <div className="mt-3 flex justify-center gap-2">{action}</div>}
    </div>
  );
}
