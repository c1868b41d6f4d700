import { ConsoleHeader } from "@/components/console-header";
import { serverConfig } from "@/lib/server/config";
import type { ReactNode } from "react";

// The sign-in page's chrome: banner and header only. Outside (console), so the page ships none of the
// signed-in chrome's code (navigation, user menu) and no query client: it is a form that posts.

// Rendered per request: whether the simulator is in use is the running server's configuration, not the build's.
export const dynamic = "force-dynamic";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <ConsoleHeader sandbox={serverConfig().upstream.mode === "simulator"} />
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </>
  );
}
