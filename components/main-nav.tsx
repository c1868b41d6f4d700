"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/groups", label: "用户组" },
  { href: "/tags", label: "标签" },
  { href: "/compose", label: "创建推送" },
  { href: "/history", label: "推送记录" },
] as const;

export function MainNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="主导航">
      <ul className="flex gap-1">
        {LINKS.map(({ href, label }) => {
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
