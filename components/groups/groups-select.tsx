"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { useGroupsState } from "@/components/groups/groups-state";
import type { SelectedGroup } from "@/components/groups/use-group-selection";

// The browser's part of the server-rendered group table: the boxes that choose groups for a push,
// the chosen rows' shade, and the table's busy state while the next address renders.

export function LiveTable({ className, children }: { className: string; children: ReactNode }) {
  const { pending } = useGroupsState();
  return (
    <table aria-busy={pending} className={`${className} ${pending ? "opacity-60" : ""}`}>
      {children}
    </table>
  );
}

export function SelectableRow({ id, children }: { id: number; children: ReactNode }) {
  const { selectedIds } = useGroupsState();
  return <tr className={selectedIds.has(id) ? "bg-blue-50/60" : "hover:bg-slate-50"}>{children}</tr>;
}

/** The row's box; nothing for users who may not send. */
export function RowCheckbox({ group }: { group: SelectedGroup }) {
  const { selectedIds, toggle } = useGroupsState();
  if (!toggle) return null;
  return (
    <td data-label="选择" data-half className="px-3 py-2">
      <input
        type="checkbox"
        aria-label={`选择 ${group.title}`}
        checked={selectedIds.has(group.id)}
        onChange={(e) => toggle([group], e.target.checked)}
        className="size-4"
      />
    </td>
  );
}

/** The header's box for every group on the page (mixed when some are chosen); nothing for users who may not send. */
export function PageCheckbox({ groups }: { groups: readonly SelectedGroup[] }) {
  const { selectedIds, toggle } = useGroupsState();
  const ref = useRef<HTMLInputElement>(null);
  const chosen = groups.filter((g) => selectedIds.has(g.id)).length;
  const indeterminate = chosen > 0 && chosen < groups.length;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  if (!toggle) return null;
  return (
    <th scope="col" className="w-10 px-3 py-2">
      <input
        ref={ref}
        type="checkbox"
        aria-label="选择本页全部用户组"
        checked={groups.length > 0 && chosen === groups.length}
        onChange={(e) => toggle(groups, e.target.checked)}
        className="size-4"
      />
    </th>
  );
}
