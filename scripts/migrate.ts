// Applies the console's migrations to its database and stops: DATABASE_URL (PostgreSQL, db/postgres)
// or else the SQLite file (CHUANBO_DATABASE_PATH, db/migrations). Every start does the same, so
// this is for deploying the schema ahead of the consoles (README, "PostgreSQL").
//   npm run migrate
import { ConfigError } from "@/lib/server/config";
import { configuredTarget, openDatabase } from "@/lib/server/db";
import { migratePostgres } from "@/lib/server/db-migrate";

async function main() {
  const target = configuredTarget();
  const where = "url" in target ? "PostgreSQL（DATABASE_URL）" : target.file;
  const database = await openDatabase(target);
  try {
    // openDatabase has migrated; asking again lists nothing new, and proves the schema is current.
    const pending = database.dialect === "postgres" ? await migratePostgres(database.db, () => new Date()) : [];
    if (pending.length > 0) throw new Error(`迁移后仍有未应用的迁移：${pending.join("、")}`);
    console.log(`${where} 的表结构已是最新。`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
