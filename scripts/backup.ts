// A consistent copy of the console's live SQLite database (CHUANBO_DATABASE_PATH), e.g.
//   npm run backup -- backups/console-2026-11-29.sqlite
// Safe while the console runs. To restore: stop the console, put the copy where
// CHUANBO_DATABASE_PATH points (removing that file's -wal and -shm), start it (README, "Backups").
import { BackupError, backupDatabase } from "@/lib/server/backup";
import { ConfigError, serverConfig } from "@/lib/server/config";

async function main(argv: string[]) {
  const [target, ...rest] = argv;
  if (!target || rest.length > 0) throw new BackupError("用法：npm run backup -- <备份文件>");
  const { databasePath: source, databaseUrl } = serverConfig();
  if (databaseUrl) {
    throw new BackupError(
      'DATABASE_URL 指向 PostgreSQL：请用 pg_dump 备份，例如 pg_dump --format=custom --file=chuanbo.dump "$DATABASE_URL"（README「Backups」）。',
    );
  }
  const { bytes, tables } = await backupDatabase(source, target);
  console.log(`已备份 ${source} 到 ${target}（${bytes.toLocaleString("en-US")} 字节，${tables} 张表，校验通过）。`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof BackupError || error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
