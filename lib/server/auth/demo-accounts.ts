import "server-only";
import { recordAudit } from "@/lib/server/audit";
import { type Auth } from "@/lib/server/auth/auth";
import { consoleDatabase } from "@/lib/server/db";
import { logger } from "@/lib/server/log";
import { insertUser, listUsers } from "@/lib/server/users/users";
import type { Role } from "@/lib/auth/roles";

// The demo accounts (public password): seeded on the simulator only, retired on every start with a real upstream.

/** Shown on the sign-in page: only a console on the simulator has these accounts. */
export const DEMO_PASSWORD = "chuanbo-demo";
export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; name: string; roles: Role[] }> = [
  { username: "demo-editor", name: "演示编辑", roles: ["editor"] },
  { username: "demo-editor2", name: "演示编辑（二）", roles: ["editor"] },
  { username: "demo-supervisor", name: "演示审核人", roles: ["supervisor"] },
  { username: "demo-admin", name: "演示管理员", roles: ["admin"] },
];

/** A demo account's ban reason once a start against the real upstream retired it; simulator starts read it. */
const RETIRED_REASON = "演示账号：控制台连接真实传播通时停用";
const SYSTEM_ACTOR = "system:startup";
const log = (msg: string) => logger().warn("startup: " + msg);

type DemoRow = { id: string; username: string; banned: boolean; banReason: string | null; hasPassword: boolean; hasSession: boolean };

async function demoRows(): Promise<DemoRow[]> {
  const { db } = await consoleDatabase();
  const rows = await db
    .selectFrom("user as u")
    .select((eb) => [
      "u.id",
      "u.username",
      "u.banned",
      "u.banReason",
      eb
        .exists(eb.selectFrom("account as a").select("a.id").whereRef("a.userId", "=", "u.id").where("a.providerId", "=", "credential"))
        .as("has_password"),
      eb.exists(eb.selectFrom("session as s").select("s.id").whereRef("s.userId", "=", "u.id")).as("has_session"),
    ])
    .where(
      "u.username",
      "in",
      DEMO_ACCOUNTS.map((demo) => demo.username),
    )
    .execute();
  // 0/1 on SQLite, booleans on PostgreSQL.
  return rows.map((row) => ({
    id: row.id,
    username: row.username ?? "",
    banned: Boolean(row.banned),
    banReason: row.banReason,
    hasPassword: Boolean(row.has_password),
    hasSession: Boolean(row.has_session),
  }));
}

/** The demo accounts that can sign in here (the sign-in page lists only these). */
export async function usableDemoAccounts(): Promise<typeof DEMO_ACCOUNTS> {
  const usable = new Set((await demoRows()).filter((row) => !row.banned && row.hasPassword).map((row) => row.username));
  return DEMO_ACCOUNTS.filter((demo) => usable.has(demo.username));
}

/**
 * On the simulator: the demo accounts that are missing. Never into a database that has served the real
 * upstream (a retired demo account, or accounts of its own and no demo ones): it may hold real accounts
 * and records, and an admin with a public password could change them, changes a real start would keep.
 * So a demo account a real start retired stays retired; for a sandbox, use a sandbox database.
 */
export async function seedDemoAccounts(): Promise<void> {
  const rows = await demoRows();
  if (rows.some((row) => row.banReason === RETIRED_REASON)) {
    log(
      "演示账号已在控制台连接真实传播通时停用，模拟环境也不再启用它们。要用演示账号，请让模拟环境使用自己的数据库文件（默认 data/simulator.sqlite）。",
    );
    return;
  }
  if (rows.length === 0 && (await listUsers()).length > 0) {
    log("这个数据库里已有其他账号，没有创建演示账号。要用演示账号，请让模拟环境使用自己的数据库文件（默认 data/simulator.sqlite）。");
    return;
  }
  for (const demo of DEMO_ACCOUNTS) {
    if (!rows.some((row) => row.username === demo.username)) await insertUser({ ...demo, password: DEMO_PASSWORD });
  }
}

/**
 * With a real upstream, on every start: each demo account (public password) is disabled, loses its
 * password and is signed out everywhere, audited and logged. Run before the first request is served.
 */
export async function retireDemoAccounts(a: Auth): Promise<void> {
  const ctx = await a.$context;
  const retired: string[] = [];
  for (const row of await demoRows()) {
    if (row.banned && !row.hasPassword && !row.hasSession) continue;
    await ctx.internalAdapter.updateUser(row.id, { banned: true, banReason: RETIRED_REASON });
    for (const account of await ctx.internalAdapter.findAccountByUserId(row.id)) {
      if (account.providerId === "credential") await ctx.internalAdapter.deleteAccount(account.id);
    }
    await ctx.internalAdapter.deleteUserSessions(row.id);
    await recordAudit({
      actor: SYSTEM_ACTOR,
      ip: null,
      action: "demo_account_retired",
      target: row.username,
      details: { reason: RETIRED_REASON },
    });
    retired.push(row.username);
  }
  if (retired.length > 0) {
    log(`已停用演示账号 ${retired.join("、")}：控制台连接的是真实传播通，演示账号（公开密码）不能使用；其密码已删除，登录已全部结束。`);
  }
}
