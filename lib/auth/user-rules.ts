import type { Role } from "@/lib/auth/roles";

// Who an admin may disable, and the admin the console always keeps: asked by /api/admin/users (which
// refuses) and by the user list and its 改角色 (which offer only what would be allowed).

/** Nobody disables their own account: they would lock themselves out mid-task. */
export const mayDisable = (me: string, target: { username: string }): boolean => target.username !== me;

export const SELF_DISABLE_REFUSED = "不能停用自己的账号。如确需停用，请另一位管理员操作。";

/** Whether a change leaves the console without an active admin; `others`: active admins besides the target. */
export function leavesNoAdmin(
  target: { roles: readonly Role[]; disabled: boolean },
  change: { disabled?: boolean; roles?: readonly Role[] },
  others: number,
): boolean {
  const losesAdmin =
    target.roles.includes("admin") &&
    !target.disabled &&
    (change.disabled === true || (change.roles !== undefined && !change.roles.includes("admin")));
  return losesAdmin && others === 0;
}

/** The active admins other than `target` in a list of users. */
export const otherAdmins = (target: { id: string }, users: readonly { id: string; roles: readonly Role[]; disabled: boolean }[]): number =>
  users.filter((u) => u.id !== target.id && u.roles.includes("admin") && !u.disabled).length;
