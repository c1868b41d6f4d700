import { can, type Capability, type Role } from "@/lib/auth/roles";

// The main navigation, filtered on the server by the user's roles (which the server enforces again on
// every request), so the role tables stay out of every page's JavaScript.

const LINKS: ReadonlyArray<{ href: string; label: string; need: Capability }> = [
  { href: "/", label: "首页", need: "browse" },
  { href: "/groups", label: "用户组", need: "browse" },
  { href: "/tags", label: "标签", need: "browse" },
  { href: "/compose", label: "创建推送", need: "send" },
  { href: "/history", label: "推送记录", need: "browse" },
  { href: "/templates", label: "常用模板", need: "browse" },
  { href: "/approvals", label: "待审批", need: "approve" },
  { href: "/admin/users", label: "用户管理", need: "admin" },
  { href: "/admin/audit", label: "审计日志", need: "admin" },
];

export type NavLink = { href: string; label: string };

export const navLinks = (roles: readonly Role[]): NavLink[] =>
  LINKS.filter(({ need }) => can(roles, need)).map(({ href, label }) => ({ href, label }));
