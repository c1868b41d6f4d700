import "server-only";
import type { Group } from "@/lib/validations/group";
import type Database from "better-sqlite3";

// The group index's copy on disk (db/migrations/008_group_index.sql): written after each crawl,
// read once when the process first needs the list.

export type StoredIndex = { groups: Group[]; fetchedAt: string };

/** The stored list of this upstream, or none (never stored, another upstream's, or unreadable). */
export function loadGroupIndex(db: Database.Database, upstream: string): StoredIndex | undefined {
  const row = db
    .prepare<[], { upstream: string; fetched_at: string; groups: string }>(
      "SELECT upstream, fetched_at, groups FROM group_index WHERE id = 1",
    )
    .get();
  if (!row || row.upstream !== upstream || Number.isNaN(Date.parse(row.fetched_at))) return undefined;
  try {
    const groups: unknown = JSON.parse(row.groups);
    return Array.isArray(groups) ? { groups: groups as Group[], fetchedAt: row.fetched_at } : undefined;
  } catch {
    return undefined;
  }
}

export function saveGroupIndex(db: Database.Database, upstream: string, index: StoredIndex): void {
  db.prepare(
    `INSERT INTO group_index (id, upstream, fetched_at, groups) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET upstream = excluded.upstream, fetched_at = excluded.fetched_at, groups = excluded.groups`,
  ).run(upstream, index.fetchedAt, JSON.stringify(index.groups));
}

export function clearGroupIndex(db: Database.Database): void {
  db.prepare("DELETE FROM group_index").run();
}
