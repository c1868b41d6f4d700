import { sendJson } from "@/lib/api/fetch-json";
import type { Template } from "@/lib/templates/template";

// 常用模板's writes (POST /api/templates, PATCH/DELETE /api/templates/:id): the composer's hooks in
// templates-query use them, and so does /templates (useChange) without loading react-query.

/** A template's fields as posted; the server parses them by the push's rules (lib/validations/template.ts). */
export type TemplateDraft = Record<string, unknown>;

const path = (id: string) => `/api/templates/${encodeURIComponent(id)}`;

/** POST /api/templates. */
export const createTemplate = (template: TemplateDraft) => sendJson<Template>("POST", "/api/templates", template);

/** PATCH /api/templates/:id. */
export const updateTemplate = ({ id, template }: { id: string; template: TemplateDraft }) =>
  sendJson<Template>("PATCH", path(id), template);

/** DELETE /api/templates/:id. */
export const deleteTemplate = (id: string) => sendJson<{ id: string; deleted: true }>("DELETE", path(id), {});
