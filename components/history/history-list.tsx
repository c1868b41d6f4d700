"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Countdown, isWaiting } from "@/components/history/scheduled-actions";
import { StatusBadge } from "@/components/history/status-badge";
import { RetryableError } from "@/components/ui/alert";
import { Pagination } from "@/components/ui/pagination";
import { Select } from "@/components/ui/select";
import { formatRecordTime, recordReachText } from "@/lib/pushes/display";
import { usePushes } from "@/lib/pushes/pushes-query";
import { PUSH_STATUS_LABELS, PUSH_STATUSES, NOTIFY_WAY_LABELS, NOTIFY_WAYS } from "@/lib/validations/push-labels";
import type { PushListQuery } from "@/lib/validations/push-record";

// /history: the pushes sent from this console, newest first. Page, size and filters live in the URL.

const SIZES = [10, 20, 50] as const;

function queryFrom(params: URLSearchParams): PushListQuery {
  const page = Number(params.get("page"));
  const size = Number(params.get("size"));
  const way = Number(params.get("notify_way"));
  const status = params.get("status");
  return {
    current: Number.isInteger(page) && page >= 1 ? page : 1,
    size: (SIZES as readonly number[]).includes(size) ? size : 20,
    ...((NOTIFY_WAYS as readonly number[]).includes(way) ? { notify_way: way as PushListQuery["notify_way"] } : {}),
    ...(PUSH_STATUSES.find((s) => s === status) ? { status: status as PushListQuery["status"] } : {}),
  };
}

/** `canSend`: whether to offer 创建推送 (decided on the server, which checks again). */
export function HistoryList({ canSend }: { canSend: boolean }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const query = queryFrom(params);
  const pushes = usePushes(query);

  const go = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === "") next.delete(key);
      else next.set(key, String(value));
    }
    router.push(`${pathname}?${next}`, { scroll: false });
  };
  const filtered = query.notify_way !== undefined || query.status !== undefined;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-4">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">推送类型</span>
          <Select
            placeholder="全部类型"
            value={query.notify_way ?? ""}
            options={NOTIFY_WAYS.map((w) => ({ value: w, label: NOTIFY_WAY_LABELS[w] }))}
            onChange={(e) => go({ notify_way: e.target.value, page: undefined })}
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">状态</span>
          <Select
            placeholder="全部状态"
            value={query.status ?? ""}
            options={PUSH_STATUSES.map((s) => ({ value: s, label: PUSH_STATUS_LABELS[s] }))}
            onChange={(e) => go({ status: e.target.value, page: undefined })}
          />
        </label>
        {filtered && (
          <button
            type="button"
            className="pb-2 text-sm text-blue-700 underline"
            onClick={() => go({ notify_way: undefined, status: undefined, page: undefined })}
          >
            清除筛选
          </button>
        )}
      </div>

      {pushes.isPending ? (
        <div aria-busy="true" aria-label="正在读取推送记录" className="flex flex-col gap-2">
          {Array.from({ length: 5 }, (_, i) => (
            <div key={i} className="h-10 animate-pulse rounded bg-slate-200" />
          ))}
        </div>
      ) : pushes.isError ? (
        <RetryableError
          title="推送记录没有加载出来"
          message={pushes.error.message}
          retrying={pushes.isFetching}
          onRetry={() => void pushes.refetch()}
        />
      ) : pushes.data.records.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-sm text-slate-600">
          {filtered ? "没有符合筛选条件的推送记录。" : "还没有从本控制台发出的推送。"}
          {canSend && (
            <Link href="/compose" className="ml-2 text-blue-700 underline">
              创建推送
            </Link>
          )}
        </div>
      ) : (
        <>
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
            <table className="w-full text-left text-sm" aria-busy={pushes.isPlaceholderData}>
              <caption className="sr-only">推送记录，最新的在前</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
                <tr>
                  {["时间", "推送名字", "推送类型", "推送用户组", "触达", "发送人", "状态", "上游信息", "请求编号"].map((h) => (
                    <th key={h} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className={`divide-y divide-slate-100 ${pushes.isPlaceholderData ? "opacity-60" : ""}`}>
                {pushes.data.records.map((record) => (
                  <tr key={record.id} className="align-top">
                    <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                      {formatRecordTime(record.created_at)}
                      {record.scheduled_at && (
                        <span className="block text-xs text-indigo-800">
                          定时 {formatRecordTime(record.scheduled_at)}
                          {isWaiting(record) && (
                            <>
                              {" · "}
                              <Countdown at={record.scheduled_at} />
                            </>
                          )}
                        </span>
                      )}
                    </td>
                    <td className="max-w-[16rem] px-3 py-2">
                      <Link
                        href={`/history/${encodeURIComponent(record.id)}`}
                        className="block truncate font-medium text-blue-700 hover:underline"
                        title={record.name}
                      >
                        {record.name}
                      </Link>
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">{NOTIFY_WAY_LABELS[record.notify_way]}</td>
                    <td className="px-3 py-2">{record.chuanbo_group.map((id) => `#${id}`).join("、")}</td>
                    <td className="px-3 py-2">{recordReachText(record)}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{record.sent_by ?? "—"}</td>
                    <td className="px-3 py-2">
                      <StatusBadge record={record} />
                    </td>
                    <td className="max-w-[14rem] px-3 py-2 break-words text-slate-700">
                      {record.upstream_message ?? "—"}
                      {record.upstream_code !== null && record.upstream_code !== 0 && (
                        <span className="text-slate-500">（{record.upstream_code}）</span>
                      )}
                    </td>
                    <td className="px-3 py-2 font-mono text-xs text-slate-600">{record.request_id ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            label="推送记录分页"
            current={pushes.data.current}
            pages={pushes.data.pages}
            total={pushes.data.total}
            size={query.size}
            sizes={SIZES}
            busy={pushes.isPlaceholderData}
            onPageChange={(page) => go({ page })}
            onSizeChange={(size) => go({ size, page: undefined })}
          />
        </>
      )}
    </div>
  );
}
