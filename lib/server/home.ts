import "server-only";
import { can, type Role } from "@/lib/auth/roles";
import { PENDING_FILTERS, type AuditLine, type Home } from "@/lib/pushes/home";
import { consoleDatabase } from "@/lib/server/db";
import { withPeople } from "@/lib/server/pushes/served";
import { pushStore } from "@/lib/server/pushes/store";
import type { AuditAction } from "@/lib/auth/audit-actions";

// The home page's data, read straight from the stores on the server: each role's own first look.

const LIMIT = 8;

const USER_CHANGES: readonly AuditAction[] = ["user_created", "user_roles_changed", "user_disabled", "user_enabled", "user_password_reset"];

async function auditLines(actions: readonly AuditAction[]): Promise<AuditLine[]> {
  const { db } = await consoleDatabase();
  const rows = await db
    .selectFrom("audit_log")
    .select(["at", "actor", "ip", "action", "target"])
    .where("action", "in", actions)
    .orderBy("at", "desc")
    .orderBy("seq", "desc")
    .limit(LIMIT)
    .execute();
  return rows as AuditLine[];
}

export async function homeFor(user: { username: string; roles: readonly Role[] }, pending: string | undefined): Promise<Home> {
  const store = pushStore();
  const home: Home = {};
  if (can(user.roles, "approve")) {
    home.supervisor = {
      awaiting: await withPeople(await store.recent({ notBy: user.username, statuses: ["pending_approval"], limit: LIMIT })),
      awaitingTotal: await store.countAwaitingApproval(user.username),
      recentSends: await withPeople(await store.recent({ statuses: ["sent", "failed", "unknown"], limit: LIMIT })),
    };
  }
  if (can(user.roles, "send")) {
    const filter = PENDING_FILTERS.find((f) => f === pending) ?? null;
    home.editor = {
      pending: await withPeople(await store.recent({ sentBy: user.username, statuses: filter ? [filter] : PENDING_FILTERS, limit: 20 })),
      filter,
      recent: await withPeople(
        await store.recent({
          sentBy: user.username,
          statuses: ["sent", "failed", "unknown", "rejected", "expired", "missed", "withdrawn", "cancelled", "pending"],
          limit: LIMIT,
        }),
      ),
    };
  }
  if (can(user.roles, "admin")) {
    home.admin = { signInFailures: await auditLines(["sign_in_failed"]), userChanges: await auditLines(USER_CHANGES) };
  }
  return home;
}
