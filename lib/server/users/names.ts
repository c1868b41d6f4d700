import "server-only";
import { consoleDatabase } from "@/lib/server/db";
import type { PeopleNames } from "@/lib/text/person";

// Records keep who did what by username (what the server checks against); pages show people by name.
// The names are looked up here, when a list or record is served, like the groups' titles.

/** username → display name, for those of these usernames that are console users with a name of their own. */
async function displayNames(usernames: ReadonlySet<string>): Promise<Map<string, string>> {
  if (usernames.size === 0) return new Map();
  const { db } = await consoleDatabase();
  const rows = await db
    .selectFrom("user")
    .select(["username", "name"])
    .where("username", "in", [...usernames])
    .execute();
  return new Map(
    rows.flatMap((row) => (row.username && row.name.trim() && row.name !== row.username ? [[row.username, row.name] as const] : [])),
  );
}

/** The records, each with `names` for the people its `fields` name (none for a username without a name). */
export async function withNames<T extends object>(records: T[], fields: readonly (keyof T)[]): Promise<Array<T & { names: PeopleNames }>> {
  const usernamesOf = (record: T) =>
    fields.map((field) => record[field]).filter((v): v is T[keyof T] & string => typeof v === "string" && v !== "");
  const found = await displayNames(new Set(records.flatMap(usernamesOf)));
  return records.map((record) => ({
    ...record,
    names: Object.fromEntries(usernamesOf(record).flatMap((u) => (found.has(u) ? [[u, found.get(u)!]] : []))),
  }));
}
