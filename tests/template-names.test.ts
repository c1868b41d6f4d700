import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { sql } from "kysely";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { openDatabase, type DatabaseTarget } from "@/lib/server/db";
import { freshDatabase, STORES, type StoreKind } from "./support/databases";

// One template per name (db/migrations/013, db/postgres/003): a database that already holds templates
// sharing a name migrates (the console starts), the oldest keeps the name's key, and from then on the
// unique index refuses a second holder of a name.

const FOLDER: Record<StoreKind, string> = { sqlite: "db/migrations", postgres: "db/postgres" };
const NEW = /_template_names\.sql$/;

/** The console's database as a release before this migration left it, holding these templates' names in order. */
async function before(kind: StoreKind, names: string[]): Promise<DatabaseTarget> {
  const target = await freshDatabase(kind);
  const files = readdirSync(FOLDER[kind]).sort();
  const earlier = files.slice(
    0,
    files.findIndex((file) => NEW.test(file)),
  );
  expect(earlier.length).toBeGreaterThan(0);
  const script = [
    kind === "sqlite"
      ? "CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL);"
      : "CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at text NOT NULL);",
    ...earlier.map((file) => readFileSync(path.join(FOLDER[kind], file), "utf8")),
    ...earlier.map((file) => `INSERT INTO schema_migrations (name, applied_at) VALUES ('${file}', '2026-01-01T00:00:00.000Z');`),
    ...names.map(
      (name, i) =>
        `INSERT INTO templates (id, name, notify_way, body, search_text, created_by, created_at, updated_by, updated_at) ` +
        `VALUES ('t${i}', '${name}', 3, '{}', '', 'demo-editor', '2026-01-0${i + 1}T00:00:00.000Z', 'demo-editor', '2026-01-0${i + 1}T00:00:00.000Z');`,
    ),
  ].join("\n");
  if ("file" in target) {
    mkdirSync(path.dirname(target.file), { recursive: true });
    const db = new Database(target.file);
    db.exec(script);
    db.close();
  } else {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    await client.query(script);
    await client.end();
  }
  return target;
}

describe.each(STORES)("template names on %s", (kind) => {
  it("migrates templates that share a name: the oldest holds the name, then a second holder is refused", async () => {
    const target = await before(kind, ["停水通知", "停电通知", "停水通知", "停水通知"]);
    const { db, close } = await openDatabase(target);
    try {
      const rows = await db.selectFrom("templates").select(["id", "name", "name_key"]).orderBy("seq").execute();
      expect(rows).toEqual([
        { id: "t0", name: "停水通知", name_key: "停水通知" },
        { id: "t1", name: "停电通知", name_key: "停电通知" },
        { id: "t2", name: "停水通知", name_key: null },
        { id: "t3", name: "停水通知", name_key: null },
      ]);
      // The later ones take a name of their own when saved; none can take a held one.
      await db.updateTable("templates").set({ name: "停水通知（二）", name_key: "停水通知（二）" }).where("id", "=", "t2").execute();
      await expect(db.updateTable("templates").set({ name_key: "停电通知" }).where("id", "=", "t3").execute()).rejects.toThrow();
      const row = { notify_way: 3, body: "{}", search_text: "", created_by: "x", created_at: "", updated_by: "x", updated_at: "" };
      await expect(
        db
          .insertInto("templates")
          .values({ ...row, id: "t4", name: "停水通知", name_key: "停水通知" })
          .execute(),
      ).rejects.toThrow();
      await db
        .insertInto("templates")
        .values({ ...row, id: "t5", name: "新名字", name_key: "新名字" })
        .execute();
      const { rows: keys } = await sql<{ name_key: string | null }>`SELECT name_key FROM templates ORDER BY seq`.execute(db);
      expect(keys.map((k) => k.name_key)).toEqual(["停水通知", "停电通知", "停水通知（二）", null, "新名字"]);
    } finally {
      await close();
    }
  });
});
