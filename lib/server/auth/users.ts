import "server-only";
import { formatRoles, parseRoles, type Role } from "@/lib/auth/roles";
import type { NewUser, UserPatch, UserSummary } from "@/lib/auth/user-schema";
import { recordAudit } from "@/lib/server/audit";
import { auth, placeholderEmail, type Auth } from "@/lib/server/auth/auth";
import { authDatabase } from "@/lib/server/auth/database";
import { serverConfig } from "@/lib/server/config";

// Accounts: created, re-roled, disabled and given new passwords here only, each change audited.
// The admin page (through /api/admin/users) and the CLI (scripts/user.ts) both call this module.

/** Who is making a change, for the audit log. */
export type Actor = { username: string; ip: string | null };

/** Shown on the sign-in page: only a console on the simulator has these accounts. */
export const DEMO_PASSWORD = "chuanbo-demo";
export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; name: string; roles: Role[] }> = [
  { username: "demo-editor", name: "演示编辑", roles: ["editor"] },
  { username: "demo-editor2", name: "演示编辑（二）", roles: ["editor"] },
  { username: "demo-supervisor", name: "演示审核人", roles: ["supervisor"] },
  { username: "demo-admin", name: "演示管理员", roles: ["admin"] },
];

type UserRow = {
  id: string;
  username: string | null;
  email: string;
  name: string;
  role: string | null;
  banned: number | null;
  createdAt: string;
  has_password: number;
};

const SELECT_USERS = `SELECT u.id, u.username, u.email, u.name, u.role, u.banned, u.createdAt,
  EXISTS (SELECT 1 FROM account a WHERE a.userId = u.id AND a.providerId = 'credential') AS has_password
  FROM user u`;

const toSummary = (row: UserRow): UserSummary => ({
  id: row.id,
  username: row.username ?? row.email,
  name: row.name,
  roles: parseRoles(row.role),
  disabled: row.banned === 1,
  sso: row.has_password === 0,
  created_at: row.createdAt,
});

export function listUsers(): UserSummary[] {
  return authDatabase().prepare<[], UserRow>(`${SELECT_USERS} ORDER BY u.username`).all().map(toSummary);
}

function findUser(where: "u.id = ?" | "u.username = ?", value: string): UserSummary | undefined {
  const row = authDatabase().prepare<[string], UserRow>(`${SELECT_USERS} WHERE ${where}`).get(value);
  return row ? toSummary(row) : undefined;
}
export const userById = (id: string) => findUser("u.id = ?", id);
export const userByName = (username: string) => findUser("u.username = ?", username);

export class UserChangeError extends Error {
  override name = "UserChangeError";
  constructor(
    readonly field: "username" | "roles" | "disabled" | null,
    message: string,
  ) {
    super(message);
  }
}

type AuthContext = Awaited<Auth["$context"]>;

async function insertUser(ctx: AuthContext, input: NewUser): Promise<string> {
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
  const ctx = await (await authReady()).$context;
  if (userByName(input.username)) throw new UserChangeError("username", `用户名「${input.username}」已被使用，请换一个。`);
  const id = await insertUser(ctx, input);
  recordAudit({ actor: by.username, ip: by.ip, action: "user_created", target: input.username, details: { name: input.name, roles: input.roles } });
  const created = userById(id);
  if (!created) throw new Error("user vanished right after creation");
  return created;
}

/** Enabled admins other than this user: an admin may not lock the console out of user management. */
function otherActiveAdmins(userId: string): number {
  return listUsers().filter((user) => user.id !== userId && !user.disabled && user.roles.includes("admin")).length;
}

export async function updateUser(id: string, patch: UserPatch, by: Actor): Promise<UserSummary> {
  const ctx = await (await authReady()).$context;
  const user = userById(id);
  if (!user) throw new UserChangeError(null, "没有这个用户，可能已被删除。请刷新列表。");
  const losesAdmin =
    user.roles.includes("admin") && !user.disabled && (patch.disabled === true || (patch.roles && !patch.roles.includes("admin")));
  if (losesAdmin && otherActiveAdmins(id) === 0) {
    throw new UserChangeError(
      patch.disabled ? "disabled" : "roles",
      "这是唯一可用的管理员账号，不能停用或去掉它的管理员角色。请先让另一个账号成为管理员。",
    );
  }
  const audit = (action: Parameters<typeof recordAudit>[0]["action"], details: Record<string, unknown> = {}) =>
    recordAudit({ actor: by.username, ip: by.ip, action, target: user.username, details });

  if (patch.roles && formatRoles(patch.roles) !== formatRoles(user.roles)) {
    await ctx.internalAdapter.updateUser(id, { role: formatRoles(patch.roles) });
    audit("user_roles_changed", { from: user.roles, to: patch.roles });
  }
  if (patch.disabled !== undefined && patch.disabled !== user.disabled) {
    await ctx.internalAdapter.updateUser(id, { banned: patch.disabled, banReason: patch.disabled ? `停用人：${by.username}` : null });
    // A disabled account is signed out everywhere at once.
    if (patch.disabled) await ctx.internalAdapter.deleteUserSessions(id);
    audit(patch.disabled ? "user_disabled" : "user_enabled");
  }
  if (patch.password !== undefined) {
    const hash = await ctx.password.hash(patch.password);
    const accounts = await ctx.internalAdapter.findAccountByUserId(id);
    const credential = accounts.find((account) => account.providerId === "credential");
    if (credential) await ctx.internalAdapter.updatePassword(id, hash);
    else await ctx.internalAdapter.linkAccount({ providerId: "credential", accountId: id, userId: id, password: hash });
    // Whoever knew the old password is signed out.
    await ctx.internalAdapter.deleteUserSessions(id);
    audit("user_password_reset");
  }
  return userById(id) ?? user;
}

/** A demo account's ban reason once a start against the real upstream retired it; simulator starts read it. */
const RETIRED_REASON = "演示账号：控制台连接真实传播通时停用";
const SYSTEM_ACTOR = "system:startup";
const log = (msg: string) => console.warn(JSON.stringify({ at: "startup", msg }));

type DemoRow = { id: string; username: string; banned: number | null; banReason: string | null; has_password: number; has_session: number };

function demoRows(): DemoRow[] {
  const names = DEMO_ACCOUNTS.map((demo) => demo.username);
  return authDatabase()
    .prepare<string[], DemoRow>(
      `SELECT u.id, u.username, u.banned, u.banReason,
        EXISTS (SELECT 1 FROM account a WHERE a.userId = u.id AND a.providerId = 'credential') AS has_password,
        EXISTS (SELECT 1 FROM session s WHERE s.userId = u.id) AS has_session
        FROM user u WHERE u.username IN (${names.map(() => "?").join(", ")})`,
    )
    .all(...names);
}

/** The demo accounts that can sign in here (the sign-in page lists only these). */
export function usableDemoAccounts(): typeof DEMO_ACCOUNTS {
  const usable = new Set(demoRows().filter((row) => row.banned !== 1 && row.has_password === 1).map((row) => row.username));
  return DEMO_ACCOUNTS.filter((demo) => usable.has(demo.username));
}

/**
 * On the simulator: the demo accounts that are missing. Never into a database that has served the real
 * upstream (a retired demo account, or accounts of its own and no demo ones): it may hold real accounts
 * and records, and an admin with a public password could change them, changes a real start would keep.
 * So a demo account a real start retired stays retired; for a sandbox, use a sandbox database.
 */
async function seedDemoAccounts(a: Auth): Promise<void> {
  const rows = demoRows();
  if (rows.some((row) => row.banReason === RETIRED_REASON)) {
    log("演示账号已在控制台连接真实传播通时停用，模拟环境也不再启用它们。要用演示账号，请让模拟环境使用自己的数据库文件（默认 data/simulator.sqlite）。");
    return;
  }
  if (rows.length === 0 && listUsers().length > 0) {
    log("这个数据库里已有其他账号，没有创建演示账号。要用演示账号，请让模拟环境使用自己的数据库文件（默认 data/simulator.sqlite）。");
    return;
  }
  const ctx = await a.$context;
  for (const demo of DEMO_ACCOUNTS) {
    if (!rows.some((row) => row.username === demo.username)) await insertUser(ctx, { ...demo, password: DEMO_PASSWORD });
  }
}

/**
 * With a real upstream, on every start: each demo account (public password) is disabled, loses its
 * password and is signed out everywhere, audited and logged. Run before the first request is served.
 */
async function retireDemoAccounts(a: Auth): Promise<void> {
  const ctx = await a.$context;
  const retired: string[] = [];
  for (const row of demoRows()) {
    if (row.banned === 1 && row.has_password === 0 && row.has_session === 0) continue;
    await ctx.internalAdapter.updateUser(row.id, { banned: true, banReason: RETIRED_REASON });
    for (const account of await ctx.internalAdapter.findAccountByUserId(row.id)) {
      if (account.providerId === "credential") await ctx.internalAdapter.deleteAccount(account.id);
    }
    await ctx.internalAdapter.deleteUserSessions(row.id);
    recordAudit({ actor: SYSTEM_ACTOR, ip: null, action: "demo_account_retired", target: row.username, details: { reason: RETIRED_REASON } });
    retired.push(row.username);
  }
  if (retired.length > 0) {
    log(`已停用演示账号 ${retired.join("、")}：控制台连接的是真实传播通，演示账号（公开密码）不能使用；其密码已删除，登录已全部结束。`);
  }
}

const READY = Symbol.for("chuanbo-console.auth-ready");
type WithReady = typeof globalThis & { [READY]?: Promise<Auth> };

/** better-auth, with the demo accounts seeded on the simulator and retired otherwise. */
export function authReady(): Promise<Auth> {
  const g = globalThis as WithReady;
  g[READY] ??= (async () => {
    const a = auth();
    if (serverConfig().auth.demoAccounts) await seedDemoAccounts(a);
    else await retireDemoAccounts(a);
    return a;
  })().catch((error: unknown) => {
    delete g[READY];
    throw error;
  });
  return g[READY];
}
