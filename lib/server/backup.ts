import "server-only";
import { existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

// A consistent copy of the console's SQLite file while the console keeps running: SQLite's online
// backup API reads one snapshot, the write-ahead log included (copying the file alone would miss
// what is still in the -wal file, or catch a write half-done).

export class BackupError extends Error {}

export async function backupDatabase(source: string, target: string): Promise<{ bytes: number; tables: number }> {
  if (!existsSync(source)) throw new BackupError(`没有找到数据库文件「${source}」：请检查 CHUANBO_DATABASE_PATH。`);
  if (existsSync(target)) throw new BackupError(`「${target}」已经存在，没有覆盖。请换一个文件名，或先移走旧文件。`);
  if (path.resolve(source) === path.resolve(target)) throw new BackupError("备份文件不能与数据库文件相同。");
  mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  const copy = new Database(target, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new BackupError(`备份文件校验未通过（${String(check)}），请重试。`);
    const tables = (copy.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
    return { bytes: statSync(target).size, tables };
  } finally {
    copy.close();
  }
}
