"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { ChosenGroups } from "@/components/compose/chosen-groups";
import { GroupFacts } from "@/components/compose/group-summary";
import { RetryableError } from "@/components/ui/alert";
import { Pagination } from "@/components/ui/pagination";
import { TextInput } from "@/components/ui/text-input";
import { groupsQueryOptions } from "@/lib/groups/groups-query";
import type { FieldControlProps } from "@/components/ui/field";
import type { Group } from "@/lib/validations/group";

// 推送用户组: search every group (the server searches across all pages), tick as many as needed;
// the chosen ones stay as a compact list with their type, 人数 and rules on demand.

const PAGE_SIZE = 10;

/** The id and aria-* come from its Field and go on the button that opens the list. */
export function GroupPicker(
  props: FieldControlProps & {
    selected: Group[];
    onChange: (groups: Group[]) => void;
    /** Lets the form move focus here when no group is chosen. */
    focusRef?: (element: HTMLButtonElement | null) => void;
  },
) {
  const { selected, onChange, focusRef, ...aria } = props;
  const [open, setOpen] = useState(selected.length === 0);
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const [query, setQuery] = useState("");
  // Ask the server once the editor pauses, not on every keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(q.trim()), 250);
    return () => clearTimeout(timer);
  }, [q]);
  const panelId = useId();
  const groups = useQuery({ ...groupsQueryOptions({ current: page, size: PAGE_SIZE, ...(query ? { q: query } : {}) }), enabled: open });
  const chosen = new Set(selected.map((g) => g.id));
  const toggle = (group: Group) => onChange(chosen.has(group.id) ? selected.filter((g) => g.id !== group.id) : [...selected, group]);

  return (
    <div className="flex flex-col gap-2">
      {selected.length > 0 ? (
        <ChosenGroups groups={selected} onRemove={toggle} />
      ) : (
        <p className="text-sm text-slate-500">还没有选择用户组。</p>
      )}
      <div>
        <button
          {...aria}
          ref={focusRef}
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          // The field's label would name it 推送用户组; it says what it does, as it reads.
          aria-label={open ? "收起用户组列表" : "选择用户组"}
          onClick={() => setOpen(!open)}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 aria-invalid:border-red-600"
        >
          {open ? "收起用户组列表" : "选择用户组"}
        </button>
      </div>
      {open && (
        <div id={panelId} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-slate-50 p-3">
          <TextInput
            type="search"
            aria-label="搜索用户组"
            placeholder="搜索名称、部门、标签或 ID"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setPage(1);
            }}
          />
          {groups.isPending ? (
            <p className="py-4 text-center text-sm text-slate-500">正在读取用户组…</p>
          ) : groups.isError ? (
            <RetryableError
              title="读取用户组失败"
              message={groups.error.message}
              retrying={groups.isFetching}
              onRetry={() => void groups.refetch()}
            />
          ) : groups.data.records.length === 0 ? (
            <p className="py-4 text-center text-sm text-slate-500">没有符合“{query}”的用户组。</p>
          ) : (
            <>
              <ul
                aria-label="用户组"
                aria-busy={groups.isPlaceholderData}
                className="flex max-h-80 flex-col divide-y divide-slate-200 overflow-y-auto rounded-md border border-slate-200 bg-white"
              >
                {groups.data.records.map((group) => (
                  <li key={group.id}>
                    <label className="flex cursor-pointer items-start gap-2 px-3 py-2 hover:bg-slate-50">
                      <input type="checkbox" className="mt-1" checked={chosen.has(group.id)} onChange={() => toggle(group)} />
                      <span className="min-w-0">
                        <span className="block truncate text-sm" title={group.title}>
                          {group.title} <span className="text-slate-500">#{group.id}</span>
                        </span>
                        <GroupFacts group={group} />
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
              <Pagination
                label="用户组分页"
                current={groups.data.current}
                pages={groups.data.pages}
                total={groups.data.total}
                size={PAGE_SIZE}
                busy={groups.isPlaceholderData}
                onPageChange={setPage}
              />
            </>
          )}
        </div>
      )}
    </div>
  );
}
