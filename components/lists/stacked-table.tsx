import type { ReactNode } from "react";

// A table at sm and up; below, each row a card of "label value" lines, so nothing scrolls sideways
// at 390 px. One markup for both (no second copy for small screens): the row and cell roles stay.
// A numeric column (its unit in its header) is right-aligned, header and cells, at sm and up.

/** A column's header; `numeric` right-aligns it (give its cells `numeric` too). */
export type StackedColumn = string | { label: string; numeric: true };

const columnLabel = (column: StackedColumn) => (typeof column === "string" ? column : column.label);

export function StackedTable({
  caption,
  columns,
  busy,
  children,
}: {
  caption: string;
  columns: readonly StackedColumn[];
  busy?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white">
      <table className="block w-full text-left text-sm sm:table" aria-busy={busy}>
        <caption className="sr-only">{caption}</caption>
        <thead className="hidden border-b border-slate-200 bg-slate-50 text-xs text-slate-600 sm:table-header-group">
          <tr>
            {columns.map((column) => (
              <th
                key={columnLabel(column)}
                scope="col"
                className={`px-3 py-2 font-medium whitespace-nowrap ${typeof column === "string" ? "" : "text-right"}`.trimEnd()}
              >
                {columnLabel(column)}
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

/**
 * One cell; `label` is its column's name, shown beside the value on small screens only (with the
 * unit a numeric column's header carries). `numeric`: right-aligned figures at sm and up.
 */
export function StackedCell({
  label,
  numeric,
  className = "",
  children,
}: {
  label: string;
  numeric?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <td
      className={`flex min-w-0 gap-2 py-0.5 break-words sm:table-cell sm:px-3 sm:py-2 ${numeric ? "tabular-nums sm:text-right" : ""} ${className}`}
    >
      <span aria-hidden="true" className="w-16 shrink-0 text-slate-500 sm:hidden">
        {label}
      </span>
      <div className="min-w-0">{children}</div>
    </td>
  );
}
