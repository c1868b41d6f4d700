"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";

// A list's filters and page live in the URL: a link shows the same list, back and forward work.

export type UrlPatch = Record<string, string | number | undefined>;

export function useUrlParams() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  // A server-rendered list renders again for the new address; `pending` until it has arrived.
  const [pending, startTransition] = useTransition();
  /** Sets (or, blank, removes) each key: a new history entry, or (words applied as one types) in place of this one. */
  const go = (patch: UrlPatch, history: "push" | "replace" = "push") => {
    const next = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === "") next.delete(key);
      else next.set(key, String(value));
    }
    const search = next.toString();
    const href = search ? `${pathname}?${search}` : pathname;
    startTransition(() => (history === "push" ? router.push(href, { scroll: false }) : router.replace(href, { scroll: false })));
  };
  /** A positive page number from `page`, else 1. */
  const page = () => {
    const n = Number(params.get("page"));
    return Number.isInteger(n) && n >= 1 ? n : 1;
  };
  return { params, go, page, pending };
}
