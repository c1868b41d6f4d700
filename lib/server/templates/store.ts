import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { recordAudit } from "@/lib/server/audit";
import { consoleDatabase, serialized, type Db } from "@/lib/server/db";
import { apiError, jsonResponse } from "@/lib/server/http";
import { withNames } from "@/lib/server/users/names";
import { canCreateTemplate, canEditTemplate, type Template, type TemplatePage } from "@/lib/templates/template";
import { personName } from "@/lib/text/person";
import { likeContains } from "@/lib/validations/list-filters";
import type { AuditDetails } from "@/lib/auth/audit-details";
import type { Actor } from "@/lib/server/actor";
import type { SessionUser } from "@/lib/server/auth/session";
import type { TemplateBody, TemplateListQuery } from "@/lib/validations/template";

// 常用模板 in the console's database. Who may change what is decided by lib/templates/template.ts
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

export async function listTemplates(query: TemplateListQuery): Promise<TemplatePage> {
  const { db } = await consoleDatabase();
  let matching = db.selectFrom("templates");
  // search_text is lower-cased, like the words; % and _ in a word are taken literally.
  for (const word of words(query.q))
    matching = matching.where(sql<string>`search_text`, "like", sql<string>`${likeContains(word)} ESCAPE '\\'`);
  if (query.notify_way) matching = matching.where("notify_way", "=", query.notify_way);
  const counted = await matching.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirst();
  const total = Number(counted?.total ?? 0);
  const rows = await matching
    .selectAll()
    .orderBy("updated_at", "desc")
    .orderBy("seq", "desc")
    .limit(query.size)
    .offset((query.current - 1) * query.size)
    .execute();
  const records = await withNames(rows.map(toTemplate), ["created_by", "updated_by"]);
  return { records, total, size: query.size, current: query.current, pages: Math.ceil(total / query.size) };
}

const rowById = (db: Db, id: string) => db.selectFrom("templates").selectAll().where("id", "=", id).executeTakeFirst();

export async function getTemplate(id: string): Promise<Template | undefined> {
  const row = await rowById((await consoleDatabase()).db, id);
  return row ? toTemplate(row) : undefined;
}

/** A refused or impossible change: the contract's 403, 404 or 409 (a name another template has). */
export class TemplateError extends Error {
  override name = "TemplateError";
  constructor(
    readonly status: 403 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

const NOT_FOUND = "没有找到这个模板，它可能已被删除。请刷新模板列表。";
const NOT_YOURS = "编辑只能修改和删除自己建的模板；其他人的模板请联系审核人或管理员处理。";
const CANNOT_CREATE = "只有编辑可以新建模板。如需新建，请联系管理员为你分配「编辑」角色。";

type Who = { user: SessionUser; actor: Actor; request: Request };

const LOCK = "chuanbo-console.templates";

/** A name another template has, found inside a write's turn; said with its creator's name after it (withTakenName). */
class NameTaken extends Error {
  constructor(
    readonly taken: string,
    readonly createdBy: string,
  ) {
    super("template name taken");
  }
}

/**
 * Refuses a name that another template has: two with one name cannot be told apart in the list, the
 * composer's picker or 删除模板「…」？. Asked inside the write's turn (`serialized`), so two saves of one
 * name at the same moment cannot both pass; the unique index on name_key holds it for any other writer.
 */
async function refuseTakenName(db: Db, name: string, except?: string): Promise<void> {
  let taken = db.selectFrom("templates").select(["created_by"]).where("name_key", "=", name);
  if (except) taken = taken.where("id", "!=", except);
  const other = await taken.executeTakeFirst();
  if (other) throw new NameTaken(name, other.created_by);
}

const creatorName = async (username: string) =>
  personName(username, (await withNames([{ created_by: username }], ["created_by"]))[0]?.names);

/**
 * The write, its NameTaken said as the contract's 409: to its creator as their own, to anyone else
 * with the creator's name (read after the turn, not inside it).
 */
async function withTakenName<T>(write: Promise<T>, who: Who): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (!(error instanceof NameTaken)) throw error;
    const holder =
      error.createdBy === who.actor.username
        ? `你已有一个名为「${error.taken}」的模板`
        : `已有名为「${error.taken}」的模板（${await creatorName(error.createdBy)}建的）`;
    throw new TemplateError(409, `${holder}。请换一个名称，以便在模板列表里分得清。`);
  }
}

/** A refusal on record, like every other refused request (access_denied). */
async function refuse(who: Who, message: string, details: AuditDetails): Promise<never> {
  await recordAudit({
    actor: who.actor.username,
    ip: who.actor.ip,
    action: "access_denied",
    target: new URL(who.request.url).pathname,
    details: { method: who.request.method, ...details },
  });
  throw new TemplateError(403, message);
}

/**
 * Checks that this user may change the template and changes it, in one transaction: the template as
 * it was, and what `change` answered (read inside, so a delete just after cannot empty it). A refusal
 * is audited after the transaction has rolled back (inside it, the entry would roll back too).
 */
async function changeEditable<T>(id: string, who: Who, change: (db: Db) => Promise<T>): Promise<{ before: Template; after: T }> {
  const cdb = await consoleDatabase();
  const outcome = await serialized(cdb, LOCK, async (db): Promise<{ before: Template; after: T } | { refused: Template }> => {
    const row = await rowById(db, id);
    if (!row) throw new TemplateError(404, NOT_FOUND);
    const before = toTemplate(row);
    if (!canEditTemplate(who.user, before)) return { refused: before };
    return { before, after: await change(db) };
  });
  if ("refused" in outcome) return refuse(who, NOT_YOURS, { need: "template_owner", created_by: outcome.refused.created_by });
  return outcome;
}

export async function createTemplate(body: TemplateBody, who: Who): Promise<Template> {
  if (!canCreateTemplate(who.user)) await refuse(who, CANNOT_CREATE, { need: "send" });
  const now = new Date().toISOString();
  const id = randomUUID();
  const row = await withTakenName(
    serialized(await consoleDatabase(), LOCK, async (db) => {
      await refuseTakenName(db, body.name);
      return db
        .insertInto("templates")
        .values({
          id,
          name: body.name,
          name_key: body.name,
          notify_way: body.notify_way,
          body: JSON.stringify(body),
          search_text: searchText(body),
          created_by: who.actor.username,
          created_at: now,
          updated_by: who.actor.username,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    }),
    who,
  );
  await recordAudit({
    actor: who.actor.username,
    ip: who.actor.ip,
    action: "template_created",
    target: id,
    details: { name: body.name, notify_way: body.notify_way },
  });
  return toTemplate(row);
}

export async function updateTemplate(id: string, body: TemplateBody, who: Who): Promise<Template> {
  const { before, after } = await withTakenName(
    changeEditable(id, who, async (db) => {
      await refuseTakenName(db, body.name, id);
      return db
        .updateTable("templates")
        .set({
          name: body.name,
          name_key: body.name,
          notify_way: body.notify_way,
          body: JSON.stringify(body),
          search_text: searchText(body),
          updated_by: who.actor.username,
          updated_at: new Date().toISOString(),
        })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirstOrThrow();
    }),
    who,
  );
  await recordAudit({
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
  return toTemplate(after);
}

export async function deleteTemplate(id: string, who: Who): Promise<void> {
  const { before } = await changeEditable(id, who, (db) => db.deleteFrom("templates").where("id", "=", id).execute());
  await recordAudit({
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
  if (error.status === 409) return apiError(409, "name_taken", error.message, { fields: { name: error.message } });
  return error.status === 404 ? apiError(404, "not_found", error.message) : apiError(403, "forbidden", error.message);
}

export const templateNotFound = () => apiError(404, "not_found", NOT_FOUND);
export const created = (template: Template) => jsonResponse(template, 201);
