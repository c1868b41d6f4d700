"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { ApprovalCount } from "@/components/notification-bell";
import type { NavLink } from "@/lib/auth/nav-links";

/** The links the signed-in user's roles allow (see lib/auth/nav-links.ts); 待审批 with its count, polled every `pollMs`. */
export function MainNav({ links, pollMs }: { links: readonly NavLink[]; pollMs: number }) {
  const pathname = usePathname();
  if (links.length === 0) return null;
  return (
    <nav aria-label="主导航">
      <ul className="flex flex-col gap-1 sm:flex-row sm:flex-wrap">
        {links.map(({ href, label }) => {
          const active = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={`block rounded-md px-3 py-2 text-sm font-medium ${
                  active ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-200"
                }`}
              >
                {label}
                {href === "/approvals" && <ApprovalCount pollMs={pollMs} />}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
