"use client";

import { useGroupsState } from "@/components/groups/groups-state";
import { useRefreshEvery } from "@/lib/api/use-change";
import { formatCount } from "@/lib/text/count";
import type { GroupIndexStatus } from "@/lib/groups/groups-params";

/**
 * While a search waits on the server's first fetch of every group (`waiting`), or 刷新 on a new
 * one: how far it has come (已获取 1,200 / 5,000 个用户组), the page rendered again every half second.
 */
export function IndexProgress({ crawling, waiting }: { crawling: GroupIndexStatus["crawling"]; waiting: boolean }) {
  const { refresh } = useGroupsState();
  const polling = waiting || refresh.isPending;
  useRefreshEvery(500, polling);
  if (!polling || !crawling) return null;
  return (
    <p role="status" className="text-sm text-slate-600">
      {crawling.total > 0
        ? `正在读取传播通的全部用户组：已获取 ${formatCount(crawling.fetched)} / ${formatCount(crawling.total)} 个用户组`
        : "正在读取传播通的全部用户组…"}
    </p>
  );
}
