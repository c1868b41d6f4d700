import { headers } from "next/headers";
import Link from "next/link";
import { UserMenu } from "@/components/auth/user-menu";
import { MainNav } from "@/components/main-nav";
import { SandboxBanner } from "@/components/sandbox-banner";
import { navLinks } from "@/lib/auth/nav-links";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { isSignInPage, redirectToSignIn, sessionUser } from "@/lib/server/auth/session";
import { serverConfig } from "@/lib/server/config";
import { Providers } from "./providers";
import type { ReactNode } from "react";

// Rendered per request: whether the simulator is in use is the running server's configuration, not the build's.
export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const sandbox = serverConfig().upstream.mode === "simulator";
  const requestHeaders = await headers();
  // For the menu, and to send a visitor whose cookie names no live session to sign-in before
  // anything streams: a redirect from inside a loading page would come as a client-side jump plus
  // a meta refresh that reloads the sign-in page a second later. Each page still checks for itself.
  const user = await sessionUser(requestHeaders);
  if (!user && !isSignInPage(requestHeaders)) redirectToSignIn(requestHeaders);
  return (
    <>
      {sandbox && <SandboxBanner />}
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="text-base font-semibold tracking-tight">
            传播通控制台
          </Link>
          <MainNav links={navLinks(user?.roles ?? [])} />
          {user && (
            <UserMenu
              username={user.username}
              name={user.name}
              roles={user.roles.map((role) => ROLE_LABELS[role]).join("、") || "未分配角色"}
            />
          )}
        </div>
      </header>
      <Providers>
        <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
      </Providers>
    </>
  );
}
