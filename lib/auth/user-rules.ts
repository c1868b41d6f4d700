// Who an admin may disable: asked by /api/admin/users (which refuses) and by the user list (which
// offers 停用 only where it would be allowed).

/** Nobody disables their own account: they would lock themselves out mid-task. */
export const mayDisable = (me: string, target: { username: string }): boolean => target.username !== me;

export const SELF_DISABLE_REFUSED = "不能停用自己的账号。如确需停用，请另一位管理员操作。";
