"use client";

import { lazy, Suspense, useSyncExternalStore, type ComponentType, type ReactNode } from "react";

// Code a page needs only after a click or below its fold (dialogs, rarely used panels, the
// channels not chosen), fetched in the browser once the page is up. React.lazy rather than
// next/dynamic: next/dynamic's loader, with its server-side preload list, costs each page that
// uses it about 3 kB gzipped. Like next/dynamic's `ssr: false`, nothing renders on the server.

const subscribe = () => () => {};

/** A component that renders `fallback` until `load` has brought the real one. */
export function onDemand<P extends object>(load: () => Promise<ComponentType<P>>, fallback: ReactNode = null): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  function OnDemand(props: P) {
    // false on the server and while hydrating, true after: the server's HTML and the first client render agree.
    const inBrowser = useSyncExternalStore(
      subscribe,
      () => true,
      () => false,
    );
    if (!inBrowser) return fallback;
    return (
      <Suspense fallback={fallback}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return OnDemand;
}

/** What a panel shows while its code loads (plain text, as the pages' other 正在载入… lines). */
export function Loading({ children = "正在载入…" }: { children?: ReactNode }) {
  return <p className="text-sm text-slate-500">{children}</p>;
}
