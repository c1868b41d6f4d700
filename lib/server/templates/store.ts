import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/server/audit";
import { consoleDatabase } from "@/lib/server/db";
import { apiError, jsonResponse } from "@/lib/server/http";
import { canCreateTemplate, canEditTemplate, type Template, type TemplatePage } from "@/lib/templates/template";
import type { Actor } from "@/lib/server/actor";
import type { SessionUser } from "@/lib/server/auth/session";
import type { TemplateBody, TemplateListQuery } from "@/lib/validations/template";
import type Database from "better-sqlite3";

// 常用模板 on the console's SQLite file. Who may change what is decided by lib/templates/template.ts
// (the UI asks the same functions), inside the write's own transaction, so a template cannot change
// owner or vanish between the check and the write. Every change is audited.

type Row = {
  id: string;
  body: string;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
};

const toTemplate = (row: Row): Template => ({
  ...(JSON.parse(row.body) as TemplateBody),
  id: row.id,
  created_by: row.created_by,
  created_at: row.created_at,
  updated_by: row.updated_by,
  updated_at: row.updated_at,
});

/** The name and every text of the content, lower-cased: what `q` is looked up in. */
const searchText = (body: TemplateBody): string =>
  Object.entries(body)
    .filter(([key, value]) => key !== "notify_way" && typeof value === "string")
    .map(([, value]) => value as string)
    .join("\n")
    .toLowerCase();

/** The words of a search, each of which must appear. */
const words = (q: string | undefined) => (q ?? "").toLowerCase().split(/\s+/).filter(Boolean).slice(0, 10);

export function listTemplates(query: TemplateListQuery): TemplatePage {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  words(query.q).forEach((word, i) => {
    where.push(`instr(search_text, @w${i}) > 0`);
    params[`w${i}`] = word;
  });
  if (query.notify_way) {
    where.push("notify_way = @notify_way");
    params.notify_way = query.notify_way;
  }
  const clause = where.length > 0 ? `WHERE ${where.join(" AND ")}` : "";
  const db = consoleDatabase();
  const total = db.prepare<[typeof params], { total: number }>(`SELECT count(*) AS total FROM templates ${clause}`).get(params)?.total ?? 0;
  const rows = db
    .prepare<[typeof params], Row>(`SELECT * FROM templates ${clause} ORDER BY updated_at DESC, seq DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: query.size, offset: (query.current - 1) * query.size });
  return { records: rows.map(toTemplate), total, size: query.size, current: query.current, pages: Math.ceil(total / query.size) };
}

const rowById = (id: string) => consoleDatabase().prepare<[string], Row>("SELECT * FROM templates WHERE id = ?").get(id);

export function getTemplate(id: string): Template | undefined {
  const row = rowById(id);
  return row ? toTemplate(row) : undefined;
}

/** A refused or impossible change: the contract's 403 or 404. */
export class TemplateError extends Error {
  override name = "TemplateError";
  constructor(
    readonly status: 403 | 404,
    message: string,
  ) {
    super(message);
  }
}

const NOT_FOUND = "没有找到这个模板，它可能已被删除。请刷新模板列表。";
const NOT_YOURS = "编辑只能修改和删除自己建的模板；其他人的模板请联系审核人或管理员处理。";
const CANNOT_CREATE = "只有编辑可以新建模板。如需新建，请联系管理员为你分配「编辑」角色。";

type Who = { user: SessionUser; actor: Actor; request: Request };

/** A refusal on record, like every other refused request (access_denied). */
function refuse(who: Who, message: string, details: Record<string, unknown>): never {
  recordAudit({
    actor: who.actor.username,
    ip: who.actor.ip,
    action: "access_denied",
    target: new URL(who.request.url).pathname,
    details: { method: who.request.method, ...details },
  });
  throw new TemplateError(403, message);
}

/**
 * Checks that this user may change the template and changes it, in one transaction; a refusal is
 * audited after the transaction has rolled back (inside it, the entry would roll back too).
 */
function changeEditable(id: string, who: Who, change: (db: Database.Database) => void): Template {
  const db = consoleDatabase();
  const outcome = db
    .transaction((): { template: Template } | { refused: Template } => {
      const row = rowById(id);
      if (!row) throw new TemplateError(404, NOT_FOUND);
      const template = toTemplate(row);
      if (!canEditTemplate(who.user, template)) return { refused: template };
      change(db);
      return { template };
    })
    .immediate();
  if ("refused" in outcome) refuse(who, NOT_YOURS, { need: "template_owner", created_by: outcome.refused.created_by });
  return outcome.template;
}

export function createTemplate(body: TemplateBody, who: Who): Template {
  if (!canCreateTemplate(who.user)) refuse(who, CANNOT_CREATE, { need: "send" });
  const now = new Date().toISOString();
  const id = randomUUID();
  consoleDatabase()
    .prepare(
      `INSERT INTO templates (id, name, notify_way, body, search_text, created_by, created_at, updated_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, body.name, body.notify_way, JSON.stringify(body), searchText(body), who.actor.username, now, who.actor.username, now);
  recordAudit({
    actor: who.actor.username,
    ip: who.actor.ip,
    action: "template_created",
    target: id,
    details: { name: body.name, notify_way: body.notify_way },
  });
  return getTemplate(id)!;
}

export function updateTemplate(id: string, body: TemplateBody, who: Who): Template {
  const before = changeEditable(id, who, (db) => {
    db.prepare("UPDATE templates SET name = ?, notify_way = ?, body = ?, search_text = ?, updated_by = ?, updated_at = ? WHERE id = ?").run(
      body.name,
      body.notify_way,
      JSON.stringify(body),
      searchText(body),
      who.actor.username,
      new Date().toISOString(),
      id,
    );
  });
  recordAudit({
    actor: who.actor.username,
    ip: who.actor.ip,
    action: "template_updated",
    target: id,
    details: {
      name: body.name,
      notify_way: body.notify_way,
      ...(before.name === body.name ? {} : { from_name: before.name }),
      created_by: before.created_by,
    },
  });
  return getTemplate(id)!;
}

export function deleteTemplate(id: string, who: Who): void {
  const before = changeEditable(id, who, (db) => {
    db.prepare("DELETE FROM templates WHERE id = ?").run(id);
  });
  recordAudit({
    actor: who.actor.username,
    ip: who.actor.ip,
    action: "template_deleted",
    target: id,
    details: { name: before.name, notify_way: before.notify_way, created_by: before.created_by },
  });
}

/** A TemplateError as the contract's answer; anything else is the route's to answer. */
export function templateFailed(error: unknown): Response {
  if (!(error instanceof TemplateError)) throw error;
  return error.status === 404 ? apiError(404, "not_found", error.message) : apiError(403, "forbidden", error.message);
}

export const templateNotFound = () => apiError(404, "not_found", NOT_FOUND);
export const created = (template: Template) => jsonResponse(template, 201);
