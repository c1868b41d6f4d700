import { MenuToggle } from "@/components/menu-toggle";
import type { ReactNode } from "react";

const ID = "console-menu";

/**
 * The navigation and user menu, rendered on the server: in the header's row from the sm breakpoint,
 * folded behind 菜单 below it. The only browser code is 菜单 itself (components/menu-toggle.tsx); the
 * panel shows while 菜单 says it is expanded (the peer-aria-expanded: class), so it needs none.
 */
export function ConsoleMenu({ children }: { children: ReactNode }) {
  return (
    <div className="contents">
      <MenuToggle controls={ID} />
      <div
        id={ID}
        className="hidden w-full flex-col gap-3 border-t border-slate-200 pt-3 peer-aria-expanded:flex sm:flex sm:w-auto sm:flex-1 sm:flex-row sm:flex-wrap sm:items-center sm:gap-x-6 sm:gap-y-2 sm:border-0 sm:pt-0"
      >
        {children}
      </div>
    </div>
  );
}
