import "server-only";
import { LAST_ADMIN_REFUSED } from "@/lib/auth/last-admin";
import { formatRoles, parseRoles } from "@/lib/auth/roles";
import { leavesNoAdmin, mayDisable, SELF_DISABLE_REFUSED } from "@/lib/auth/user-rules";
import { weakPasswordReason, type NewUser, type UserPatch, type UserSummary } from "@/lib/auth/user-schema";
import { recordAudit } from "@/lib/server/audit";
import { auth, placeholderEmail } from "@/lib/server/auth/auth";
import { authIso, consoleDatabase, type Db } from "@/lib/server/db";
import { apiError, invalidRequest, jsonResponse } from "@/lib/server/http";
import type { AuditDetails } from "@/lib/auth/audit-details";
import type { Actor } from "@/lib/server/actor";

// Accounts: created, re-roled, disabled and given new passwords here only, each change audited.
// The admin page (through /api/admin/users) and the CLI (scripts/user.ts) both call this module.

/** Each user with whether a console password exists (else single sign-on only); flags and dates as either store keeps them. */
const selectUsers = (db: Db) =>
  db
    .selectFrom("user as u")
    .select((eb) => [
      "u.id",
      "u.username",
      "u.email",
      "u.name",
      "u.role",
      "u.banned",
      "u.createdAt",
      eb
        .exists(eb.selectFrom("account as a").select("a.id").whereRef("a.userId", "=", "u.id").where("a.providerId", "=", "credential"))
        .as("has_password"),
    ]);

type UserRow = Awaited<ReturnType<ReturnType<typeof selectUsers>["executeTakeFirstOrThrow"]>>;

const toSummary = (row: UserRow): UserSummary => ({
  id: row.id,
  username: row.username ?? row.email,
  name: row.name,
  roles: parseRoles(row.role),
  disabled: Boolean(row.banned),
  sso: !row.has_password,
  created_at: authIso(row.createdAt),
});

export async function listUsers(): Promise<UserSummary[]> {
  const { db } = await consoleDatabase();
  return (await selectUsers(db).orderBy("u.username").execute()).map(toSummary);
}

async function findUser(column: "u.id" | "u.username", value: string): Promise<UserSummary | undefined> {
  const { db } = await consoleDatabase();
  const row = await selectUsers(db).where(column, "=", value).executeTakeFirst();
  return row ? toSummary(row) : undefined;
}
export const userById = (id: string) => findUser("u.id", id);
export const userByName = (username: string) => findUser("u.username", username);

export class UserChangeError extends Error {
  override name = "UserChangeError";
  constructor(
    readonly field: "username" | "roles" | "disabled" | "password" | null,
    message: string,
  ) {
    super(message);
  }
}

/** A new account with a console password; no audit entry (the callers write their own). */
export async function insertUser(input: NewUser): Promise<string> {
  const ctx = await (await auth()).$context;
  const user = await ctx.internalAdapter.createUser(
    {
      email: placeholderEmail(input.username),
      emailVerified: true,
      name: input.name,
      username: input.username,
      displayUsername: input.username,
      role: formatRoles(input.roles),
    },
    { method: "admin" },
  );
  const password = await ctx.password.hash(input.password);
  await ctx.internalAdapter.linkAccount({ providerId: "credential", accountId: user.id, userId: user.id, password });
  return user.id;
}

export async function createUser(input: NewUser, by: Actor): Promise<UserSummary> {
  if (await userByName(input.username)) throw new UserChangeError("username", `用户名「${input.username}」已被使用，请换一个。`);
  const id = await insertUser(input);
  await recordAudit({
    actor: by.username,
    ip: by.ip,
    action: "user_created",
    target: input.username,
    details: { name: input.name, roles: input.roles },
  });
  const created = await userById(id);
  if (!created) throw new Error("user vanished right after creation");
  return created;
}

/** Enabled admins other than this user: an admin may not lock the console out of user management. */
async function otherActiveAdmins(userId: string): Promise<number> {
  return (await listUsers()).filter((user) => user.id !== userId && !user.disabled && user.roles.includes("admin")).length;
}

export async function updateUser(id: string, patch: UserPatch, by: Actor): Promise<UserSummary> {
  const ctx = await (await auth()).$context;
  const user = await userById(id);
  if (!user) throw new UserChangeError(null, "没有这个用户，可能已被删除。请刷新列表。");
  if (patch.disabled === true && !mayDisable(by.username, user)) throw new UserChangeError("disabled", SELF_DISABLE_REFUSED);
  // The schema checked the rest of the password; the username it may not contain is known only here.
  const weak = patch.password === undefined ? null : weakPasswordReason(patch.password, user.username);
  if (weak) throw new UserChangeError("password", weak);
  if (leavesNoAdmin(user, patch, await otherActiveAdmins(id))) {
    throw new UserChangeError(patch.disabled ? "disabled" : "roles", LAST_ADMIN_REFUSED);
  }
  const audit = (action: Parameters<typeof recordAudit>[0]["action"], details: AuditDetails = {}) =>
    recordAudit({ actor: by.username, ip: by.ip, action, target: user.username, details });

  if (patch.roles && formatRoles(patch.roles) !== formatRoles(user.roles)) {
    await ctx.internalAdapter.updateUser(id, { role: formatRoles(patch.roles) });
    await audit("user_roles_changed", { from: user.roles, to: patch.roles });
  }
  if (patch.disabled !== undefined && patch.disabled !== user.disabled) {
    await ctx.internalAdapter.updateUser(id, { banned: patch.disabled, banReason: patch.disabled ? `停用人：${by.username}` : null });
    // A disabled account is signed out everywhere at once.
    if (patch.disabled) await ctx.internalAdapter.deleteUserSessions(id);
    await audit(patch.disabled ? "user_disabled" : "user_enabled");
  }
  if (patch.password !== undefined) {
    const hash = await ctx.password.hash(patch.password);
    const accounts = await ctx.internalAdapter.findAccountByUserId(id);
    const credential = accounts.find((account) => account.providerId === "credential");
    if (credential) await ctx.internalAdapter.updatePassword(id, hash);
    else await ctx.internalAdapter.linkAccount({ providerId: "credential", accountId: id, userId: id, password: hash });
    // Whoever knew the old password is signed out.
    await ctx.internalAdapter.deleteUserSessions(id);
    await audit("user_password_reset");
  }
  return (await userById(id)) ?? user;
}

/** A refused change as the contract's answer: the field it concerns (400), or a user that is gone (404). */
export function userChangeFailed(error: unknown): Response {
  if (!(error instanceof UserChangeError)) throw error;
  if (error.field) return invalidRequest({ [error.field]: error.message }, error.message);
  return apiError(404, "not_found", error.message);
}

/** 201 with the created user. */
export const created = (user: UserSummary) => jsonResponse(user, 201);
