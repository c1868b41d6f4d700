import type { ReactNode } from "react";

/**
 * A server-rendered list while its next address renders (`pending` from useUrlParams): 正在更新… is
 * said, and the rows shown are dimmed and marked busy until the new ones arrive.
 */
export function ListUpdating({ pending, children, className = "" }: { pending: boolean; children: ReactNode; className?: string }) {
  return (
    <>
      {pending && (
        <p role="status" className="text-sm text-slate-500">
          正在更新…
        </p>
      )}
      <div aria-busy={pending} className={`${className} ${pending ? "opacity-60" : ""}`.trim()}>
        {children}
      </div>
    </>
  );
}
