"use client";

import { useRouter } from "next/navigation";
import { createContext, use, useCallback, useMemo, useTransition, type ReactNode } from "react";
import { useGroupSelection, type SelectedGroup } from "@/components/groups/use-group-selection";
import { onDemand } from "@/components/ui/on-demand";
import { useChange, type Change } from "@/lib/api/use-change";
import { refreshGroups } from "@/lib/groups/groups-fetch";
import { groupsHref } from "@/lib/groups/groups-url";
import type { GroupsParams } from "@/lib/groups/groups-params";

// What the server-rendered group list's islands share: the address (a change renders the page again
// on the server; `pending` until it has arrived), the groups chosen for a push, and 刷新.

type GroupsState = {
  pending: boolean;
  navigate: (next: GroupsParams, history?: "push" | "replace") => void;
  selectedIds: ReadonlySet<number>;
  /** Absent for users who may not send: choosing groups leads to the composer. */
  toggle?: (groups: readonly SelectedGroup[], on: boolean) => void;
  /** 刷新: the server fetches every group again, then the page renders from that list. */
  refresh: Change<[], unknown>;
};

// Shown once a group is chosen (the choice kept from before shows after the page is up): its code
// arrives just after the page's.
const SelectionBar = onDemand(() => import("@/components/groups/selection-bar").then((m) => m.SelectionBar));

const Context = createContext<GroupsState | null>(null);

export function useGroupsState(): GroupsState {
  const state = use(Context);
  if (!state) throw new Error("useGroupsState outside GroupsState");
  return state;
}

/**
 * `params`: the address the page was rendered for; `canSend`: whether this user may compose
 * (decided on the server, which checks again).
 */
export function GroupsState({ params, canSend, children }: { params: GroupsParams; canSend: boolean; children: ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const refresh = useChange(useCallback(() => refreshGroups(params), [params]));
  const { selected, toggle, clear } = useGroupSelection();
  const selectedIds = useMemo(() => new Set(selected.map((g) => g.id)), [selected]);
  const state = useMemo<GroupsState>(
    () => ({
      pending,
      navigate: (next, history = "push") =>
        startTransition(() => {
          if (history === "push") router.push(groupsHref(next), { scroll: false });
          else router.replace(groupsHref(next), { scroll: false });
        }),
      selectedIds,
      toggle: canSend ? toggle : undefined,
      refresh,
    }),
    [pending, router, selectedIds, canSend, toggle, refresh],
  );
  return (
    <Context value={state}>
      <div className="space-y-4">
        {children}
        {pending && (
          <p role="status" className="sr-only">
            正在更新…
          </p>
        )}
        {canSend && <SelectionBar selected={selected} onRemove={(group) => toggle([group], false)} onClear={clear} />}
      </div>
    </Context>
  );
}
