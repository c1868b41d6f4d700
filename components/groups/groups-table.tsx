"use client";

import Link from "next/link";
import { useEffect, useRef, type ReactNode } from "react";
import { GroupTypeBadge } from "@/components/groups/group-type-badge";
import { TagRuleList } from "@/components/groups/tag-rule-chip";
import { Skeleton } from "@/components/ui/skeleton";
import { formatCount } from "@/lib/text/count";
import { groupStatusText } from "@/lib/validations/group-labels";
import type { SelectedGroup } from "@/components/groups/use-group-selection";
import type { Group } from "@/lib/validations/group";

const COLUMNS = ["ID", "名称", "类型", "所属部门", "状态", "人数", "操作人", "操作时间", "标签规则"] as const;
const dash = <span className="text-slate-400">—</span>;

function PageCheckbox({ checked, indeterminate, onChange }: { checked: boolean; indeterminate: boolean; onChange: (on: boolean) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label="选择本页全部用户组"
      checked={checked}
      onChange={(e) => onChange(e.target.checked)}
      className="size-4"
    />
  );
}

export function GroupsTable({
  groups,
  selectedIds,
  onToggle,
  busy,
}: {
  groups: readonly Group[];
  selectedIds: ReadonlySet<number>;
  /** Choosing groups leads to the composer: absent for users who may not send, and so are the boxes. */
  onToggle?: (groups: readonly SelectedGroup[], on: boolean) => void;
  busy: boolean;
}) {
  const chosen = groups.filter((g) => selectedIds.has(g.id)).length;
  return (
    <TableFrame busy={busy}>
      <thead>
        <HeaderRow selectable={onToggle !== undefined}>
          {onToggle && (
            <PageCheckbox
              checked={groups.length > 0 && chosen === groups.length}
              indeterminate={chosen > 0 && chosen < groups.length}
              onChange={(on) => onToggle(groups, on)}
            />
          )}
        </HeaderRow>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr key={group.id} className={selectedIds.has(group.id) ? "bg-blue-50/60" : "hover:bg-slate-50"}>
            {onToggle && (
              <td data-label="选择" data-half className="px-3 py-2">
                <input
                  type="checkbox"
                  aria-label={`选择 ${group.title}`}
                  checked={selectedIds.has(group.id)}
                  onChange={(e) => onToggle([group], e.target.checked)}
                  className="size-4"
                />
              </td>
            )}
            <td data-label="ID" data-half className="px-3 py-2 font-mono text-xs text-slate-600 tabular-nums">
              {group.id}
            </td>
            <th scope="row" data-label="名称" className="px-3 py-2 text-left font-medium">
              {/* Truncated to one line; the full title on hover (title) and when focused (it unwraps). */}
              <Link
                href={`/groups/${group.id}`}
                // Each detail is rendered from the server's whole list: not worth ten requests per page shown.
                prefetch={false}
                title={group.title}
                className="block max-w-[18rem] min-w-0 truncate text-blue-800 hover:underline focus:break-all focus:whitespace-normal"
              >
                {group.title}
              </Link>
            </th>
            <td data-label="类型" data-half className="px-3 py-2">
              <GroupTypeBadge type={group.type} />
            </td>
            <td data-label="所属部门" data-half className="px-3 py-2 whitespace-nowrap">
              {group.department ?? dash}
            </td>
            <td data-label="状态" data-half className="px-3 py-2 whitespace-nowrap">
              {groupStatusText(group.status)}
            </td>
            <td data-label="人数" data-half className="px-3 py-2 text-right tabular-nums">
              {group.pnum === null ? dash : formatCount(group.pnum)}
            </td>
            <td data-label="操作人" className="px-3 py-2 whitespace-nowrap">
              {group.operator ?? dash}
            </td>
            <td data-label="操作时间" className="px-3 py-2 whitespace-nowrap tabular-nums">
              {group.operate_time ?? dash}
            </td>
            <td data-label="标签规则" className="px-3 py-2 sm:min-w-[14rem]">
              <TagRuleList rules={group.tags} />
            </td>
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}

function TableFrame({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    // Focusable so a keyboard can scroll it sideways on a narrow screen; relative so the
    // screen-reader-only text inside does not widen the page on a narrow window.
    <div
      role="region"
      aria-label="用户组列表"
      tabIndex={0}
      className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white"
    >
      <table aria-busy={busy} className={`stack-table w-full text-sm transition-opacity ${busy ? "opacity-60" : ""}`}>
        <caption className="sr-only">用户组；人数为传播通给出的估计值，操作时间为北京时间</caption>
        {children}
      </table>
    </div>
  );
}

function HeaderRow({ children, selectable = true }: { children?: ReactNode; selectable?: boolean }) {
  return (
    <tr className="border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-600">
      {selectable && (
        <th scope="col" className="w-10 px-3 py-2">
          {children ?? <span className="sr-only">选择</span>}
        </th>
      )}
      {COLUMNS.map((name) => (
        <th key={name} scope="col" className={`px-3 py-2 font-medium whitespace-nowrap ${name === "人数" ? "text-right" : ""}`}>
          {name}
          {name === "人数" && <span className="sr-only">（估计值）</span>}
        </th>
      ))}
    </tr>
  );
}

/** The table's frame with grey rows, for the first load. */
export function GroupsTableSkeleton({ rows }: { rows: number }) {
  return (
    <TableFrame busy>
      <thead>
        <HeaderRow />
      </thead>
      <tbody>
        {Array.from({ length: rows }, (_, i) => (
          <tr key={i}>
            {Array.from({ length: COLUMNS.length + 1 }, (_, j) => (
              <td key={j} className="px-3 py-3">
                <Skeleton className={j === 2 ? "h-4 w-40" : "h-4 w-12"} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}
