"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { formatChinaTime } from "@/lib/text/china-time";

/** When the whole group list was fetched, and 刷新 to fetch it again (saying so if that fails). */
export function RefreshControl({ fetchedAt, onRefresh }: { fetchedAt: string | undefined; onRefresh: () => Promise<unknown> }) {
  const [refreshing, setRefreshing] = useState(false);
  const [error, setError] = useState<string>();
  const refresh = async () => {
    setRefreshing(true);
    setError(undefined);
    try {
      await onRefresh();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setRefreshing(false);
    }
  };
  return (
    <div className="flex flex-col items-end gap-1 text-sm text-slate-600">
      <div className="flex items-center gap-3">
        {fetchedAt && <span>数据获取于 {formatChinaTime(fetchedAt)}（北京时间）</span>}
        <Button onClick={refresh} disabled={refreshing}>
          {refreshing ? "正在刷新…" : "刷新"}
        </Button>
      </div>
      {error && (
        <p role="alert" className="text-red-700">
          刷新失败：{error}
        </p>
      )}
    </div>
  );
}
