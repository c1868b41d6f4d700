// Roles as a newsroom works, and what each may do. Shared by the server (which enforces) and the
// UI (which hides what a role cannot do). A user may hold several roles.

export const ROLES = ["supervisor", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  supervisor: "审核人",
  editor: "编辑",
  admin: "管理员",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  supervisor: "浏览用户组、标签和推送记录，审批待审推送",
  editor: "浏览，并创建和发送推送",
  admin: "浏览，管理用户、查看审计日志",
};

/**
 * What a request needs. Sending and approving are kept apart on purpose: a second pair of eyes
 * means a supervisor approves, and never the push's own author.
 */
export type Capability = "browse" | "send" | "approve" | "settle" | "admin";

const GRANTS: Record<Capability, readonly Role[]> = {
  browse: ROLES,
  send: ["editor"],
  approve: ["supervisor"],
  // 核实结果不明: whoever sends or approves pushes may record what the vendor confirmed.
  settle: ["editor", "supervisor"],
  admin: ["admin"],
};

/** better-auth's admin plugin keeps roles as one comma-separated string; unknown names are dropped. */
export function parseRoles(value: string | null | undefined): Role[] {
  const names = new Set((value ?? "").split(",").map((name) => name.trim()));
  return ROLES.filter((role) => names.has(role));
}

export const formatRoles = (roles: readonly Role[]): string => ROLES.filter((role) => roles.includes(role)).join(",");

export function can(roles: readonly Role[], capability: Capability): boolean {
  return GRANTS[capability].some((role) => roles.includes(role));
}

/** Every capability as booleans: what a server component hands its client components (no role table in page JS). */
export type Capabilities = Record<Capability, boolean>;
export const capabilities = (roles: readonly Role[]): Capabilities =>
  Object.fromEntries((Object.keys(GRANTS) as Capability[]).map((c) => [c, can(roles, c)])) as Capabilities;
