import { fetchGroups } from "@/lib/groups/groups-fetch";
import type { Group } from "@/lib/validations/group";

// Groups by id, for ?groups=1,2 and copied pushes: the API has no lookup by id, but its search
// matches ids, so ask for each id and keep the exact match.

export function parseGroupIds(raw: string | null): number[] {
  if (!raw) return [];
  const ids = raw
    .split(",")
    .map((part) => part.trim())
    .filter((part) => /^\d+$/.test(part))
    .map(Number)
    .filter((n) => n > 0);
  return [...new Set(ids)];
}

export async function findGroups(ids: readonly number[], signal?: AbortSignal): Promise<{ found: Group[]; missing: number[] }> {
  const results = await Promise.all(
    ids.map((id) => fetchGroups({ current: 1, size: 100, q: String(id) }, signal).then((page) => page.records.find((g) => g.id === id))),
  );
  const found = results.filter((g): g is Group => g !== undefined);
  return { found, missing: ids.filter((id) => !found.some((g) => g.id === id)) };
}
