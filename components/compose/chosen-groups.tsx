"use client";

import { useState } from "react";
import { GroupTypeBadge } from "@/components/groups/group-type-badge";
import { TagRuleList } from "@/components/groups/tag-rule-chip";
import { formatCount } from "@/lib/compose/reach";
import type { Group } from "@/lib/validations/group";

// The chosen groups as a compact list: one line each (name, type, 人数), the tag rules on demand,
// and a box that scrolls past a dozen, so fifty groups still fit on one screen.

export function ChosenGroups({ groups, onRemove }: { groups: readonly Group[]; onRemove: (group: Group) => void }) {
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <div className="flex flex-col gap-1">
      <p className="text-sm text-slate-700">
        已选 <strong className="tabular-nums">{formatCount(groups.length)}</strong> 个用户组
      </p>
      <ul
        aria-label="已选用户组"
        // relative: the screen-reader-only text inside stays inside the scrolling box (else it stretches the page).
        className="relative flex max-h-80 flex-col divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200 bg-white"
      >
        {groups.map((group) => {
          const rulesId = `chosen-${group.id}-rules`;
          const expanded = open.has(group.id);
          return (
            <li key={group.id} className="flex min-w-0 flex-col gap-1 px-3 py-1.5">
              {/* min-w-0 down to the title: a long name is cut with …, never widens the page. */}
              <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-0.5 text-sm">
                <span className="min-w-0 basis-full truncate sm:flex-1 sm:basis-auto" title={group.title}>
                  {group.title} <span className="text-xs text-slate-500">#{group.id}</span>
                </span>
                <GroupTypeBadge type={group.type} />
                <span className="min-w-[5.5rem] text-right text-xs text-slate-600 tabular-nums">
                  {group.pnum === null ? "人数未知" : `${formatCount(group.pnum)} 人`}
                </span>
                {group.tags.length > 0 ? (
                  <button
                    type="button"
                    aria-expanded={expanded}
                    aria-controls={rulesId}
                    onClick={() => toggle(group.id)}
                    className="rounded px-1.5 py-0.5 text-xs text-blue-700 hover:bg-blue-50"
                  >
                    {expanded ? "收起规则" : `规则 ${group.tags.length} 条`}
                    <span className="sr-only">：{group.title}</span>
                  </button>
                ) : (
                  <span className="w-[4.5rem]" aria-hidden="true" />
                )}
                <button
                  type="button"
                  onClick={() => onRemove(group)}
                  aria-label={`移除 ${group.title}`}
                  className="ml-auto min-h-7 min-w-7 rounded text-base leading-none text-slate-500 hover:bg-slate-100 hover:text-slate-900 sm:ml-0"
                >
                  ×
                </button>
              </div>
              {expanded && (
                <div id={rulesId}>
                  <TagRuleList rules={group.tags} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
