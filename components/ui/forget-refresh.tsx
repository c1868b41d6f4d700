"use client";

import { useEffect } from "react";

/**
 * On a page loaded with ?refresh=1 (重试, 重新获取), which fetched every group anew: the address drops
 * it, in place, so that a reload, a bookmark or a shared link does not ask the vendor for every
 * group again. The page is not rendered again.
 */
export function ForgetRefresh() {
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has("refresh")) return;
    url.searchParams.delete("refresh");
    window.history.replaceState(null, "", url);
  }, []);
  return null;
}
