import { can, type Role } from "@/lib/auth/roles";
import type { Page } from "@/lib/api/page";
import type { PeopleNames } from "@/lib/text/person";
import type { TemplateBody } from "@/lib/validations/template";

// 常用模板: a named, reusable content of one channel, shared by the team. Shared by the server (which
// enforces who may change what) and the UI (which hides what a user may not do); no zod here, so
// pages can import it without loading a schema.

export const TEMPLATE_NAME_MAX = 50;

/** What GET /api/templates(/:id) answers: the template's fields as posted, and who made and last changed it. */
export type Template = TemplateBody & {
  id: string;
  created_by: string;
  /** ISO 8601, UTC. */
  created_at: string;
  updated_by: string;
  updated_at: string;
  /** Display names of created_by and updated_by, as on push records (lib/text/person.ts), in lists. */
  names?: PeopleNames;
};

export type TemplatePage = Page<Template>;

type Someone = { username: string; roles: readonly Role[] };

/** Editors write templates (they compose); supervisors and admins only manage existing ones. */
export const canCreateTemplate = (user: Someone): boolean => can(user.roles, "send");

/** Editors change their own templates; supervisors and admins change anyone's. */
export function canEditTemplate(user: Someone, template: Pick<Template, "created_by">): boolean {
  if (user.roles.includes("supervisor") || user.roles.includes("admin")) return true;
  return can(user.roles, "send") && template.created_by === user.username;
}
