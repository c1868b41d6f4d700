"use client";

import { usePathname } from "next/navigation";
import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";

/**
 * One link of the main navigation, marked aria-current="page" on its page and the pages under it: the
 * layout is not rendered again on a client-side navigation, so the mark is the browser's. Its look
 * follows the mark (aria-[current=page]: classes), so the class names stay in the server's HTML.
 */
export function NavLink({ href, className, children }: { href: string; className: string; children: ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link href={href} aria-current={current ? "page" : undefined} className={className}>
      {children}
    </Link>
  );
}
