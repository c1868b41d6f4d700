import { NavLink } from "@/components/nav-link";
import { ApprovalCount } from "@/components/notification-bell";
import type { NavLink as NavLinkItem } from "@/lib/auth/nav-links";

/**
 * The links the signed-in user's roles allow (see lib/auth/nav-links.ts), rendered on the server; in the
 * browser only each link's current-page mark and 待审批's count, polled every `pollMs`.
 */
export function MainNav({ links, pollMs }: { links: readonly NavLinkItem[]; pollMs: number }) {
  if (links.length === 0) return null;
  return (
    <nav aria-label="主导航">
      <ul className="flex flex-col gap-1 sm:flex-row sm:flex-wrap">
        {links.map(({ href, label }) => (
          <li key={href}>
            <NavLink
              href={href}
              className="block rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-200 aria-[current=page]:bg-slate-900 aria-[current=page]:text-white"
            >
              {label}
              {href === "/approvals" && <ApprovalCount pollMs={pollMs} />}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
