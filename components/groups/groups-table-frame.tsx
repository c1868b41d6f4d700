import { Skeleton } from "@/components/ui/skeleton";
import type { ComponentType, ReactNode } from "react";

// The group table's frame, header and loading skeleton, with no browser code: loading.tsx uses them
// too, and whatever it imports is loaded with the page.

export const COLUMNS = ["ID", "名称", "类型", "所属部门", "状态", "人数", "操作人", "操作时间", "标签规则"] as const;

type TableProps = { className: string; children: ReactNode };

/** The skeleton's table: busy throughout. */
function BusyTable({ className, children }: TableProps) {
  return (
    <table aria-busy className={`${className} opacity-60`}>
      {children}
    </table>
  );
}

/** `Table`: the table element itself (the list's says when it is busy). */
export function TableFrame({ Table = BusyTable, children }: { Table?: ComponentType<TableProps>; children: ReactNode }) {
  return (
    // Focusable so a keyboard can scroll it sideways on a narrow screen; relative so the
    // screen-reader-only text inside does not widen the page on a narrow window.
    <div
      role="region"
      aria-label="用户组列表"
      tabIndex={0}
      className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white"
    >
      <Table className="stack-table w-full text-sm transition-opacity">
        <caption className="sr-only">用户组；人数为传播通给出的估计值，操作时间为北京时间</caption>
        {children}
      </Table>
    </div>
  );
}

/** `children`: the first header cell (the page's box), if any. */
export function HeaderRow({ children }: { children: ReactNode }) {
  return (
    <tr className="border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-600">
      {children}
      {COLUMNS.map((name) => (
        <th key={name} scope="col" className={`px-3 py-2 font-medium whitespace-nowrap ${name === "人数" ? "text-right" : ""}`}>
          {name}
          {name === "人数" && <span className="sr-only">（估计值）</span>}
        </th>
      ))}
    </tr>
  );
}

/**
 * The table's frame with grey rows, for the first load. One bar a row, across the columns: the
 * skeleton is written into the page twice (its HTML and React's copy of it), so it stays small.
 */
export function GroupsTableSkeleton({ rows }: { rows: number }) {
  return (
    <TableFrame>
      <thead>
        <HeaderRow>
          <th scope="col" className="w-10 px-3 py-2">
            <span className="sr-only">选择</span>
          </th>
        </HeaderRow>
      </thead>
      <tbody>
        {Array.from({ length: rows }, (_, i) => (
          <tr key={i}>
            <td colSpan={COLUMNS.length + 1} className="px-3 py-3">
              {/* A row on a wide screen; below sm, where rows are cards, about a card's height. */}
              <Skeleton className="h-4 w-full max-sm:h-40" />
            </td>
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}
