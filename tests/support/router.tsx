import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import type { ReactNode } from "react";

/**
 * Next's router, given to a component test's page the way Next gives it to every page: it records
 * what the page asked of it ("push /history", "prefetch /history", "refresh") and moves nowhere.
 */
export function testRouter() {
  const asked: string[] = [];
  const record = (what: string) => (href?: string) => {
    asked.push(href === undefined ? what : `${what} ${href}`);
  };
  const router = {
    push: record("push"),
    replace: record("replace"),
    prefetch: record("prefetch"),
    refresh: record("refresh"),
    back: record("back"),
    forward: record("forward"),
  } as unknown as AppRouterInstance;
  function Router({ children }: { children: ReactNode }) {
    return <AppRouterContext.Provider value={router}>{children}</AppRouterContext.Provider>;
  }
  return { asked, Router };
}
