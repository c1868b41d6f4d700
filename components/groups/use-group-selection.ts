"use client";

import { useCallback, useEffect, useState } from "react";
import type { Group } from "@/lib/validations/group";

// Groups chosen for a push, across pages, kept for the tab's session so a look at a group's
// detail and back does not lose them.

export type SelectedGroup = Pick<Group, "id" | "title" | "pnum">;

const STORAGE_KEY = "chuanbo-console.groups.selection";

function load(): SelectedGroup[] {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? "[]");
    return Array.isArray(value) ? (value as SelectedGroup[]).filter((g) => typeof g?.id === "number") : [];
  } catch {
    return [];
  }
}

export function useGroupSelection() {
  const [selected, setSelected] = useState<SelectedGroup[]>([]);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    const kept = load();
    // Nothing kept: the choice stays the same empty one, and the table does not render again for it.
    if (kept.length > 0) setSelected(kept);
    setLoaded(true);
  }, []);

  useEffect(() => {
    if (!loaded) return;
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(selected));
    } catch {
      // Storage full or disabled: the selection still works for this page's life.
    }
  }, [selected, loaded]);

  const toggle = useCallback((groups: readonly SelectedGroup[], on: boolean) => {
    setSelected((current) => {
      if (!on) {
        const ids = new Set(groups.map((g) => g.id));
        return current.filter((g) => !ids.has(g.id));
      }
      const have = new Set(current.map((g) => g.id));
      return [...current, ...groups.filter((g) => !have.has(g.id)).map(({ id, title, pnum }) => ({ id, title, pnum }))];
    });
  }, []);

  const clear = useCallback(() => setSelected([]), []);

  return { selected, toggle, clear };
}
