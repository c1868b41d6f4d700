import { SandboxBanner } from "@/components/sandbox-banner";
import type { ReactNode } from "react";

/**
 * The console's chrome, rendered on the server: the sandbox banner and the header with the console's
 * name. `children` is what the signed-in layout adds (navigation, user menu). The name is a plain
 * link to the home page: next/link would be the sign-in page's largest script.
 */
export function ConsoleHeader({ sandbox, children }: { sandbox: boolean; children?: ReactNode }) {
  return (
    <>
      {sandbox && <SandboxBanner />}
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
          <a href="/" className="mr-auto text-base font-semibold tracking-tight sm:mr-0">
            传播通控制台
          </a>
          {children}
        </div>
      </header>
    </>
  );
}
