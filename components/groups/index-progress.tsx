"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { useGroupsState } from "@/components/groups/groups-state";
import { fetchIndexStatus } from "@/lib/groups/groups-fetch";
import { formatCount } from "@/lib/text/count";
import type { GroupIndexStatus } from "@/lib/groups/groups-params";

const POLL_MS = 500;

/**
 * While a search waits on the server's first fetch of every group (`waiting`), or 刷新 on a new
 * one: how far it has come (已获取 1,200 / 5,000 个用户组), asked of GET /api/groups/index-status
 * every half second (no vendor call). The page renders again once, when a waited-for fetch has
 * ended (刷新 renders it again itself).
 */
export function IndexProgress({ crawling, waiting }: { crawling: GroupIndexStatus["crawling"]; waiting: boolean }) {
  const { refresh } = useGroupsState();
  const router = useRouter();
  const [rendering, startTransition] = useTransition();
  const polling = waiting || refresh.isPending;
  const [polled, setPolled] = useState<GroupIndexStatus["crawling"] | undefined>(undefined);
  useEffect(() => {
    if (!polling || rendering) return;
    const controller = new AbortController();
    let asking = false;
    const tick = async () => {
      if (asking || document.visibilityState !== "visible" || !navigator.onLine) return;
      asking = true;
      try {
        const status = await fetchIndexStatus(controller.signal);
        setPolled(status.crawling);
        if (waiting && (status.ready || !status.crawling)) startTransition(() => router.refresh());
      } catch {
        // Asked again at the next tick; the page's own render says what is wrong.
      } finally {
        asking = false;
      }
    };
    const timer = window.setInterval(tick, POLL_MS);
    return () => {
      controller.abort();
      window.clearInterval(timer);
    };
  }, [polling, rendering, waiting, router]);
  // The next wait starts from what the server rendered, not from the last one's figures.
  useEffect(() => {
    if (polling) return () => setPolled(undefined);
  }, [polling]);
  const shown = polled === undefined ? crawling : polled;
  if (!polling || !shown) return null;
  return (
    <p role="status" className="text-sm text-slate-600">
      {shown.total > 0
        ? `正在读取传播通的全部用户组：已获取 ${formatCount(shown.fetched)} / ${formatCount(shown.total)} 个用户组`
        : "正在读取传播通的全部用户组…"}
    </p>
  );
}
