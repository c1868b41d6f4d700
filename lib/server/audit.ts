import "server-only";
import { AUDIT_ACTION_LABELS, type AuditAction, type AuditEntry, type AuditPage } from "@/lib/auth/audit-actions";
import { auditDetailsText, displayAddress, type AuditDetails } from "@/lib/auth/audit-details";
import { clientAddress, PEER_HEADER } from "@/lib/server/client-address";
import { serverConfig } from "@/lib/server/config";
import { consoleDatabase, type ConsoleDatabase, type Db } from "@/lib/server/db";
import { logger } from "@/lib/server/log";
import { formatChinaTime } from "@/lib/text/china-time";
import { chinaDayStart } from "@/lib/validations/list-filters";
import type { AuditQuery } from "@/lib/validations/audit";

// The audit log: append-only (triggers refuse UPDATE and DELETE; on PostgreSQL the console's role
// also holds no such privilege). This module only ever inserts and reads; there is deliberately no
// function to change or remove an entry.

export type AuditInput = {
  actor: string | null;
  ip: string | null;
  action: AuditAction;
  target?: string | null;
  /** Only keys that /admin/audit can say in words (lib/auth/audit-details.ts). */
  details?: AuditDetails;
};

/** An entry as stored: its details as JSON text. */
type Row = Omit<AuditEntry, "details"> & { details: string };

const toEntry = (row: Row): AuditEntry => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> });

/**
 * The caller's address, for the audit log and every rate limit: the socket's, or the client hop of a
 * declared proxy's X-Forwarded-For (lib/server/client-address.ts decides; TRUSTED_PROXIES).
 */
export function clientIp(request: Request): string | null {
  return clientAddress({
    peer: request.headers.get(PEER_HEADER),
    forwardedFor: request.headers.get("x-forwarded-for"),
    trustedProxies: serverConfig().trustedProxies,
  });
}

export async function appendAudit(db: Db, entry: AuditInput, now = new Date()): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      at: now.toISOString(),
      actor: entry.actor,
      ip: entry.ip,
      action: entry.action,
      target: entry.target ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

/** Records an entry; a failure to record is logged loudly but never turns the caller's answer into an error. */
export async function recordAudit(entry: AuditInput): Promise<void> {
  try {
    await appendAudit((await consoleDatabase()).db, entry);
  } catch (error) {
    logger().error({ err: error, action: entry.action, actor: entry.actor }, "audit entry not written");
  }
}

function matching(db: Db, query: AuditQuery) {
  let q = db.selectFrom("audit_log");
  if (query.action) q = q.where("action", "=", query.action);
  if (query.actor) q = q.where("actor", "=", query.actor);
  if (query.target) q = q.where("target", "=", query.target);
  if (query.from) q = q.where("at", ">=", chinaDayStart(query.from));
  if (query.to) q = q.where("at", "<", chinaDayStart(query.to, 1));
  return q;
}

export async function listAudit({ db }: ConsoleDatabase, query: AuditQuery): Promise<AuditPage> {
  const counted = await matching(db, query)
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirst();
  const total = Number(counted?.total ?? 0);
  const rows = await matching(db, query)
    .selectAll()
    .orderBy("at", "desc")
    .orderBy("seq", "desc")
    .limit(query.size)
    .offset((query.current - 1) * query.size)
    .execute();
  return {
    records: rows.map((row) => toEntry(row as Row)),
    total,
    size: query.size,
    current: query.current,
    pages: Math.ceil(total / query.size),
  };
}

/** One CSV cell: quoted, and never read by a spreadsheet as a formula. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** Group id → title for the groups some entries name (lib/server/audit-words.ts groupTitles). */
export type GroupTitles = (entries: readonly AuditEntry[]) => Promise<ReadonlyMap<number, string>>;

/**
 * Every matching entry, newest first, as CSV with a BOM so that spreadsheet software reads the Chinese
 * right. 详情 is the details in the words /admin/audit shows (auditDetailsText); 原始详情 the details as
 * stored (JSON), last, for whoever processes the file.
 */
export async function auditCsv({ db }: ConsoleDatabase, query: AuditQuery, titles?: GroupTitles): Promise<string> {
  const rows = (await matching(db, query).selectAll().orderBy("at", "desc").orderBy("seq", "desc").execute()) as Row[];
  const entries = rows.map(toEntry);
  const names = titles ? await titles(entries) : new Map<number, string>();
  const header = ["时间（北京时间）", "操作人", "IP 地址", "操作", "操作代码", "对象", "详情", "原始详情（JSON）"];
  const lines = rows.map((row, i) =>
    [
      formatChinaTime(row.at),
      row.actor ?? "",
      row.ip === null ? "" : displayAddress(row.ip),
      AUDIT_ACTION_LABELS[row.action] ?? row.action,
      row.action,
      row.target ?? "",
      auditDetailsText(row.action, entries[i]!.details, names),
      row.details,
    ]
      .map(cell)
      .join(","),
  );
  return `\uFEFF${[header.map(cell).join(","), ...lines].join("\r\n")}\r\n`;
}
