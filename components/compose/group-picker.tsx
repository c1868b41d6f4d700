"use client";

import { useId, useState } from "react";
import { onDemand } from "@/components/ui/on-demand";
import type { FieldControlProps } from "@/components/ui/field";
import type { Group } from "@/lib/validations/group";

// 推送用户组: search every group (the server searches across all pages), tick as many as needed;
// the chosen ones stay as a compact list with their type, 人数 and rules on demand. The open list's
// code (search, pages) loads after the page is up.

// The chosen list (type, 人数, rules) draws after the page is up; until then, its count.
const ChosenGroups = onDemand(
  () => import("@/components/compose/chosen-groups").then((m) => m.ChosenGroups),
  <p className="text-sm text-slate-700">正在载入已选用户组…</p>,
);
const reading = <p className="py-4 text-center text-sm text-slate-500">正在读取用户组…</p>;
const GroupPickerPanel = onDemand(() => import("@/components/compose/group-picker-panel").then((m) => m.GroupPickerPanel), reading);

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
  const panelId = useId();
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
          <GroupPickerPanel q={q} setQ={setQ} page={page} setPage={setPage} selected={selected} onToggle={toggle} />
        </div>
      )}
    </div>
  );
}
