"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { can, type Capability, type Role } from "@/lib/auth/roles";

const LINKS: ReadonlyArray<{ href: string; label: string; need: Capability }> = [
  { href: "/groups", label: "用户组", need: "browse" },
  { href: "/tags", label: "标签", need: "browse" },
  { href: "/compose", label: "创建推送", need: "send" },
  { href: "/history", label: "推送记录", need: "browse" },
  { href: "/approvals", label: "待审批", need: "approve" },
  { href: "/admin/users", label: "用户管理", need: "admin" },
  { href: "/admin/audit", label: "审计日志", need: "admin" },
];

/** Only what the signed-in user's roles allow (the server enforces it again on every request). */
export function MainNav({ roles }: { roles: readonly Role[] }) {
  const pathname = usePathname();
  const links = LINKS.filter(({ need }) => can(roles, need));
  if (links.length === 0) return null;
  return (
    <nav aria-label="主导航">
      <ul className="flex flex-wrap gap-1">
        {links.map(({ href, label }) => {
          const active = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={`rounded-md px-3 py-2 text-sm font-medium ${
                  active ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-200"
                }`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
