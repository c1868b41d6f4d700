import "server-only";
import * as z from "zod/mini";
import { newUserSchema, userPatchSchema } from "@/lib/auth/user-schema";
import { clientIp } from "@/lib/server/audit";
import { requireUser } from "@/lib/server/auth/session";
import { createUser, listUsers, updateUser, UserChangeError, type Actor } from "@/lib/server/auth/users";
import { apiError, invalidRequest, jsonResponse, readJson } from "@/lib/server/http";
import { fieldErrors } from "@/lib/validations/field-errors";

// /api/admin/users: the admin page's calls. Admins only; every change is audited by users.ts.

async function adminActor(request: Request): Promise<Actor> {
  const user = await requireUser(request, "admin");
  return { username: user.username, ip: clientIp(request) };
}

function changeFailed(error: unknown): Response {
  if (!(error instanceof UserChangeError)) throw error;
  if (error.field) return invalidRequest({ [error.field]: error.message }, error.message);
  return apiError(404, "not_found", error.message);
}

export async function listUsersRoute(request: Request): Promise<Response> {
  await adminActor(request);
  return jsonResponse({ records: listUsers() });
}

async function parsed<T extends z.ZodMiniType>(request: Request, schema: T): Promise<z.output<T> | Response> {
  const json = await readJson(request);
  if (!json.ok) return json.response;
  const result = z.safeParse(schema, json.value);
  return result.success ? result.data : invalidRequest(fieldErrors(result.error));
}

export async function createUserRoute(request: Request): Promise<Response> {
  const actor = await adminActor(request);
  const input = await parsed(request, newUserSchema);
  if (input instanceof Response) return input;
  try {
    return jsonResponse(await createUser(input, actor), 201);
  } catch (error) {
    return changeFailed(error);
  }
}

export async function updateUserRoute(request: Request, id: string): Promise<Response> {
  const actor = await adminActor(request);
  const patch = await parsed(request, userPatchSchema);
  if (patch instanceof Response) return patch;
  try {
    return jsonResponse(await updateUser(id, patch, actor));
  } catch (error) {
    return changeFailed(error);
  }
}
