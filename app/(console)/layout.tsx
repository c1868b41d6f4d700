import { headers } from "next/headers";
import { UserMenu } from "@/components/auth/user-menu";
import { ConsoleHeader } from "@/components/console-header";
import { ConsoleMenu } from "@/components/console-menu";
import { MainNav } from "@/components/main-nav";
import { NotificationBell } from "@/components/notification-bell";
import { navLinks } from "@/lib/auth/nav-links";
import { can, ROLE_LABELS } from "@/lib/auth/roles";
import { isSignInPage, pageSessionUser, redirectToSignIn } from "@/lib/server/auth/session";
import { serverConfig } from "@/lib/server/config";
import type { ReactNode } from "react";

// The chrome is rendered here, on the server; its only browser code is each navigation link's
// current-page mark, the narrow screens' 菜单 button, the sign-out button and 通知's unread count
// (its list's code comes when it is opened). No query client: pages that cache on the client bring their own
// (`QueryProvider`, components/query-provider.tsx), so the others ship none of react-query.

// Rendered per request: whether the simulator is in use is the running server's configuration, not the build's.
export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const requestHeaders = await headers();
  // For the menu, and to send a visitor whose cookie names no live session to sign-in before
  // anything streams: a redirect from inside a loading page would come as a client-side jump plus
  // a meta refresh that reloads the sign-in page a second later. Each page still checks for itself.
  const user = await pageSessionUser();
  if (!user && !isSignInPage(requestHeaders)) redirectToSignIn(requestHeaders);
  return (
    <>
      <a href="#main" className="skip-link">
        跳到主要内容
      </a>
      <ConsoleHeader sandbox={serverConfig().upstream.mode === "simulator"}>
        {/* 通知 stays in sight on a phone, beside 菜单; at the row's end from sm. */}
        {user && can(user.roles, "send") && (
          <div className="sm:order-last">
            <NotificationBell pollMs={serverConfig().notificationsPollMs} />
          </div>
        )}
        <ConsoleMenu>
          <MainNav links={navLinks(user?.roles ?? [])} pollMs={serverConfig().notificationsPollMs} />
          {user && (
            <UserMenu
              username={user.username}
              name={user.name}
              roles={user.roles.map((role) => ROLE_LABELS[role]).join("、") || "未分配角色"}
            />
          )}
        </ConsoleMenu>
      </ConsoleHeader>
      {/* Focusable by the skip link only (tabIndex -1), so the next Tab starts inside the page. */}
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 focus:outline-none">
        {children}
      </main>
    </>
  );
}
