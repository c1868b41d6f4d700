import "server-only";
import { AUDIT_ACTION_LABELS, type AuditAction, type AuditEntry, type AuditPage } from "@/lib/auth/audit-actions";
import { clientAddress, PEER_HEADER } from "@/lib/server/client-address";
import { serverConfig } from "@/lib/server/config";
import { consoleDatabase } from "@/lib/server/db";
import { logger } from "@/lib/server/log";
import { formatChinaTime } from "@/lib/text/china-time";
import { chinaDayStart } from "@/lib/validations/list-filters";
import type { AuditQuery } from "@/lib/validations/audit";
import type Database from "better-sqlite3";

// The audit log: append-only (the table's triggers refuse UPDATE and DELETE). This module only ever
// inserts and reads; there is deliberately no function to change or remove an entry.

export type AuditInput = {
  actor: string | null;
  ip: string | null;
  action: AuditAction;
  target?: string | null;
  details?: Record<string, unknown>;
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

export function appendAudit(db: Database.Database, entry: AuditInput, now = new Date()): void {
  db.prepare("INSERT INTO audit_log (at, actor, ip, action, target, details) VALUES (?, ?, ?, ?, ?, ?)").run(
    now.toISOString(),
    entry.actor,
    entry.ip,
    entry.action,
    entry.target ?? null,
    JSON.stringify(entry.details ?? {}),
  );
}

/** Records an entry; a failure to record is logged loudly but never turns the caller's answer into an error. */
export function recordAudit(entry: AuditInput): void {
  try {
    appendAudit(consoleDatabase(), entry);
  } catch (error) {
    logger().error({ err: error, action: entry.action, actor: entry.actor }, "audit entry not written");
  }
}

function whereClause(query: AuditQuery) {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (query.action) {
    where.push("action = @action");
    params.action = query.action;
  }
  if (query.actor) {
    where.push("actor = @actor");
    params.actor = query.actor;
  }
  if (query.target) {
    where.push("target = @target");
    params.target = query.target;
  }
  if (query.from) {
    where.push("at >= @from");
    params.from = chinaDayStart(query.from);
  }
  if (query.to) {
    where.push("at < @to");
    params.to = chinaDayStart(query.to, 1);
  }
  return { clause: where.length > 0 ? `WHERE ${where.join(" AND ")}` : "", params };
}

export function listAudit(db: Database.Database, query: AuditQuery): AuditPage {
  const { clause, params } = whereClause(query);
  const total = db.prepare<[typeof params], { total: number }>(`SELECT count(*) AS total FROM audit_log ${clause}`).get(params)?.total ?? 0;
  const rows = db
    .prepare<[typeof params], Row>(`SELECT * FROM audit_log ${clause} ORDER BY at DESC, seq DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: query.size, offset: (query.current - 1) * query.size });
  return { records: rows.map(toEntry), total, size: query.size, current: query.current, pages: Math.ceil(total / query.size) };
}

/** One CSV cell: quoted, and never read by a spreadsheet as a formula. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** Every matching entry, newest first, as CSV with a BOM so that spreadsheet software reads the Chinese right. */
export function auditCsv(db: Database.Database, query: AuditQuery): string {
  const { clause, params } = whereClause(query);
  const rows = db.prepare<[typeof params], Row>(`SELECT * FROM audit_log ${clause} ORDER BY at DESC, seq DESC`).all(params);
  const header = ["时间（北京时间）", "操作人", "IP 地址", "操作", "操作代码", "对象", "详情"];
  const lines = rows.map((row) =>
    [
      formatChinaTime(row.at),
      row.actor ?? "",
      row.ip ?? "",
      AUDIT_ACTION_LABELS[row.action] ?? row.action,
      row.action,
      row.target ?? "",
      row.details,
    ]
      .map(cell)
      .join(","),
  );
  return `\uFEFF${[header.map(cell).join(","), ...lines].join("\r\n")}\r\n`;
}
