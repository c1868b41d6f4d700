import { useGroupIndexStatus } from "@/lib/groups/groups-query";
import { formatCount } from "@/lib/text/count";

/**
 * While a search or 刷新 waits on the server's fetch of every group: how far it has come
 * (已获取 1,200 / 5,000 个用户组), polled; nothing once it is not waiting or no fetch is running.
 */
export function IndexProgress({ waiting }: { waiting: boolean }) {
  const status = useGroupIndexStatus(waiting);
  const crawling = waiting ? status.data?.crawling : null;
  if (!crawling) return null;
  return (
    <p role="status" className="text-sm text-slate-600">
      {crawling.total > 0
        ? `正在读取传播通的全部用户组：已获取 ${formatCount(crawling.fetched)} / ${formatCount(crawling.total)} 个用户组`
        : "正在读取传播通的全部用户组…"}
    </p>
  );
}
