import "server-only";
import type { Db } from "@/lib/server/db";
import type { Group } from "@/lib/validations/group";

// The group index's copy in the database (group_index): written after each crawl, read when a
// process first needs the list or another process stored a newer one; and the crawl's lease
// (leases), so that of several consoles on one database one crawls and the others read.

export type StoredIndex = { groups: Group[]; fetchedAt: string };

/** The stored list of this upstream, or none (never stored, another upstream's, or unreadable). */
export async function loadGroupIndex(db: Db, upstream: string): Promise<StoredIndex | undefined> {
  const row = await db.selectFrom("group_index").select(["upstream", "fetched_at", "groups"]).where("id", "=", 1).executeTakeFirst();
  if (!row || row.upstream !== upstream || Number.isNaN(Date.parse(row.fetched_at))) return undefined;
  try {
    const groups: unknown = JSON.parse(row.groups);
    return Array.isArray(groups) ? { groups: groups as Group[], fetchedAt: row.fetched_at } : undefined;
  } catch {
    return undefined;
  }
}

/** When the stored list of this upstream was fetched, without reading the list: whether another process stored a newer one. */
export async function storedFetchedAt(db: Db, upstream: string): Promise<string | undefined> {
  const row = await db.selectFrom("group_index").select(["upstream", "fetched_at"]).where("id", "=", 1).executeTakeFirst();
  return row && row.upstream === upstream ? row.fetched_at : undefined;
}

/** Stores the list, unless a newer one of the same upstream is there (a slower crawl of another console ended after it). */
export async function saveGroupIndex(db: Db, upstream: string, index: StoredIndex): Promise<void> {
  const values = { upstream, fetched_at: index.fetchedAt, groups: JSON.stringify(index.groups) };
  await db
    .insertInto("group_index")
    .values({ id: 1, ...values })
    .onConflict((oc) =>
      oc
        .column("id")
        .doUpdateSet(values)
        .where((eb) => eb.or([eb("group_index.upstream", "!=", upstream), eb("group_index.fetched_at", "<", index.fetchedAt)])),
    )
    .execute();
}

export async function clearGroupIndex(db: Db): Promise<void> {
  await db.deleteFrom("group_index").execute();
}

/**
 * Takes or renews the lease called `name` for `holder` until `until`: true when it is now theirs
 * (it was free, expired, or theirs already). One conditional upsert, so two processes asking at
 * once cannot both get it.
 */
export async function takeLease(db: Db, name: string, holder: string, until: Date, now = new Date()): Promise<boolean> {
  const row = await db
    .insertInto("leases")
    .values({ name, holder, until: until.toISOString() })
    .onConflict((oc) =>
      oc
        .column("name")
        .doUpdateSet({ holder, until: until.toISOString() })
        .where((eb) => eb.or([eb("leases.until", "<", now.toISOString()), eb("leases.holder", "=", holder)])),
    )
    .returning("holder")
    .executeTakeFirst();
  return row?.holder === holder;
}

/** Gives the lease up (only if this holder still has it). */
export async function releaseLease(db: Db, name: string, holder: string, now = new Date()): Promise<void> {
  await db.updateTable("leases").set({ until: now.toISOString() }).where("name", "=", name).where("holder", "=", holder).execute();
}
