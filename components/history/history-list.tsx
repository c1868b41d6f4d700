"use client";

import Link from "next/link";
import { Countdown } from "@/components/history/countdown";
import { PushGroups } from "@/components/history/push-groups";
import { StatusBadge } from "@/components/history/status-badge";
import { CHANNEL_FILTER } from "@/components/lists/channel-filter";
import { DAY_RANGE, FilterBar } from "@/components/lists/filter-bar";
import { StackedCell, StackedRow, StackedTable } from "@/components/lists/stacked-table";
import { useUrlParams } from "@/components/lists/use-url-params";
import { RetryableError } from "@/components/ui/alert";
import { Pagination } from "@/components/ui/pagination";
import { listProblem, pickFilters, type ListParams } from "@/lib/api/list-params";
import { waitsForTime } from "@/lib/pushes/actions";
import { formatRecordTime, recordReachText } from "@/lib/pushes/display";
import { usePushes } from "@/lib/pushes/pushes-query";
import { PUSH_STATUS_LABELS, PUSH_STATUSES, NOTIFY_WAY_LABELS } from "@/lib/validations/push-labels";

// /history: the pushes sent from this console, newest first. Page, size and filters live in the URL;
// the server checks them (a bad day or range is its 400, shown here).

const SIZES = [10, 20, 50] as const;
const FILTERS = ["q", "from", "to", "notify_way", "status", "sent_by"] as const;

function queryFrom(params: URLSearchParams, current: number): ListParams {
  const size = Number(params.get("size"));
  return { current, size: (SIZES as readonly number[]).includes(size) ? size : 20, filters: pickFilters(params, FILTERS) };
}

const COLUMNS = ["时间", "推送名字", "推送类型", "推送用户组", "触达", "发送人", "状态"];

/** `canSend`: whether to offer 创建推送 (decided on the server, which checks again). */
export function HistoryList({ canSend }: { canSend: boolean }) {
  const { params, go, page } = useUrlParams();
  const query = queryFrom(params, page());
  const pushes = usePushes(query);
  const filtered = FILTERS.some((key) => params.get(key));

  return (
    <div className="flex flex-col gap-4">
      <FilterBar
        label="筛选推送记录"
        params={params}
        onApply={go}
        fields={[
          { name: "q", label: "搜索", kind: "text", placeholder: "推送名字或内容中的字词", maxLength: 100 },
          ...DAY_RANGE,
          CHANNEL_FILTER,
          {
            name: "status",
            label: "状态",
            kind: "select",
            placeholder: "全部状态",
            options: PUSH_STATUSES.map((s) => ({ value: s, label: PUSH_STATUS_LABELS[s] })),
          },
          { name: "sent_by", label: "发送人", kind: "text", placeholder: "用户名", maxLength: 64 },
        ]}
      />

      {pushes.isPending ? (
        <div role="status" aria-busy="true" aria-label="正在读取推送记录" className="flex flex-col gap-2">
          {Array.from({ length: 5 }, (_, i) => (
            <div key={i} className="h-10 animate-pulse rounded bg-slate-200" />
          ))}
        </div>
      ) : pushes.isError ? (
        <RetryableError
          title="推送记录没有加载出来"
          message={listProblem(pushes.error)}
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
          <StackedTable caption="推送记录，最新的在前" columns={COLUMNS} busy={pushes.isPlaceholderData}>
            {pushes.data.records.map((record) => (
              <StackedRow key={record.id}>
                <StackedCell label="时间" className="tabular-nums sm:whitespace-nowrap">
                  {formatRecordTime(record.created_at)}
                  {record.scheduled_at && (
                    <span className="block text-xs text-indigo-800">
                      定时 {formatRecordTime(record.scheduled_at)}
                      {waitsForTime(record) && (
                        <>
                          {" · "}
                          <Countdown at={record.scheduled_at} />
                        </>
                      )}
                    </span>
                  )}
                </StackedCell>
                <StackedCell label="推送名字" className="sm:max-w-[16rem]">
                  <Link
                    href={`/history/${encodeURIComponent(record.id)}`}
                    className="block font-medium break-words text-blue-700 hover:underline sm:truncate"
                    title={record.name}
                  >
                    {record.name}
                  </Link>
                </StackedCell>
                <StackedCell label="推送类型" className="sm:whitespace-nowrap">
                  {NOTIFY_WAY_LABELS[record.notify_way]}
                </StackedCell>
                <StackedCell label="用户组">
                  <PushGroups record={record} limit={2} />
                </StackedCell>
                <StackedCell label="触达" className="tabular-nums sm:whitespace-nowrap">
                  {recordReachText(record)}
                </StackedCell>
                <StackedCell label="发送人" className="sm:whitespace-nowrap">
                  {record.sent_by ?? "—"}
                </StackedCell>
                <StackedCell label="状态">
                  <StatusBadge record={record} />
                </StackedCell>
              </StackedRow>
            ))}
          </StackedTable>
          <Pagination
            label="推送记录分页"
            current={pushes.data.current}
            pages={pushes.data.pages}
            total={pushes.data.total}
            size={query.size}
            sizes={SIZES}
            busy={pushes.isPlaceholderData}
            onPageChange={(current) => go({ page: current })}
            onSizeChange={(size) => go({ size, page: undefined })}
          />
        </>
      )}
    </div>
  );
}
