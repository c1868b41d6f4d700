import "server-only";
import { groupList } from "@/lib/server/chuanbo-client";
import { serverConfig } from "@/lib/server/config";
import type { Group } from "@/lib/validations/group";

// Minimal stand-in for the group index being built on another branch (same signature; replaced at merge).

export async function groupsByIds(ids: number[]): Promise<Map<number, Group>> {
  const wanted = new Set(ids);
  const found = new Map<number, Group>();
  for (let current = 1; ; current++) {
    const page = await groupList({ current, size: serverConfig().groupsFetchPageSize });
    for (const group of page.data.records) if (wanted.has(group.id)) found.set(group.id, group);
    if (found.size === wanted.size || current >= page.data.pages) return found;
  }
}
