import type { ReactNode } from "react";

// A table at sm and up; below, each row a card of "label value" lines, so nothing scrolls sideways
// at 390 px. One markup for both (no second copy for small screens): the row and cell roles stay.

export function StackedTable({
  caption,
  columns,
  busy,
  children,
}: {
  caption: string;
  columns: readonly string[];
  busy?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white">
      <table className="block w-full text-left text-sm sm:table" aria-busy={busy}>
        <caption className="sr-only">{caption}</caption>
        <thead className="hidden border-b border-slate-200 bg-slate-50 text-xs text-slate-600 sm:table-header-group">
          <tr>
            {columns.map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={`block divide-y divide-slate-100 sm:table-row-group ${busy ? "opacity-60" : ""}`}>{children}</tbody>
      </table>
    </div>
  );
}

export function StackedRow({ children }: { children: ReactNode }) {
  return <tr className="block px-3 py-2 align-top sm:table-row sm:p-0">{children}</tr>;
}

/** One cell; `label` is its column's name, shown beside the value on small screens only. */
export function StackedCell({ label, className = "", children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <td className={`flex min-w-0 gap-2 py-0.5 break-words sm:table-cell sm:px-3 sm:py-2 ${className}`}>
      <span aria-hidden="true" className="w-16 shrink-0 text-slate-500 sm:hidden">
        {label}
      </span>
      <div className="min-w-0">{children}</div>
    </td>
  );
}
