"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { GroupsFilters } from "@/components/groups/groups-filters";
import { GroupsTable, GroupsTableSkeleton } from "@/components/groups/groups-table";
import { IndexProgress } from "@/components/groups/index-progress";
import { RefreshControl } from "@/components/groups/refresh-control";
import { SelectionBar } from "@/components/groups/selection-bar";
import { useGroupSelection } from "@/components/groups/use-group-selection";
import { RetryableError } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { groupsQueryOptions, useGroups, useRefreshGroups } from "@/lib/groups/groups-query";
import { groupsHref, PAGE_SIZES, readGroupsParams } from "@/lib/groups/groups-url";
import { hasFilters } from "@/lib/groups/search";
import { formatCount } from "@/lib/text/count";
import type { GroupsParams } from "@/lib/groups/groups-params";

/**
 * The group list. Its state is the address: paging writes it with the History API (which Next's
 * router follows), so a page change costs no server render, only the data, often prefetched.
 */
/** `canSend`: whether this user may compose (decided on the server, which checks again); choosing groups is for that. */
export function GroupsBrowser({ canSend }: { canSend: boolean }) {
  const searchParams = useSearchParams();
  // Held here and set on click, so a page change renders at once instead of waiting for the
  // router's transition to report the new address.
  const [params, setParams] = useState(() => readGroupsParams(searchParams));
  // The address changed from elsewhere (back/forward, a link): follow it. Read the address itself,
  // not the router's view, which can lag a step behind quick clicks.
  useEffect(() => {
    const next = readGroupsParams(new URLSearchParams(window.location.search));
    setParams((current) => (groupsHref(current) === groupsHref(next) ? current : next));
  }, [searchParams]);
  const queryClient = useQueryClient();
  const query = useGroups(params);
  const { selected, toggle, clear } = useGroupSelection();
  const selectedIds = useMemo(() => new Set(selected.map((g) => g.id)), [selected]);

  const data = query.data;
  const settled = data !== undefined && !query.isPlaceholderData;

  // The next page, fetched ahead so 下一页 shows it at once.
  useEffect(() => {
    if (settled && params.current < data.pages)
      void queryClient.prefetchQuery(groupsQueryOptions({ ...params, current: params.current + 1 }));
  }, [settled, data, params, queryClient]);

  const navigate = (next: GroupsParams, history: "push" | "replace" = "push") => {
    const href = groupsHref(next);
    setParams(next);
    if (history === "push") window.history.pushState(null, "", href);
    else window.history.replaceState(null, "", href);
  };

  const refresh = useRefreshGroups(params);

  const { current: _c, size: _s, ...filters } = params;
  const filtered = hasFilters(filters);
  // A search (or 刷新) is answered from the server's index; waiting on it means waiting on its fetch.
  const waitingOnIndex = (filtered && query.isFetching && (data === undefined || query.isPlaceholderData)) || refresh.isPending;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-xl font-semibold">用户组</h1>
        <RefreshControl fetchedAt={data?.fetchedAt} refresh={refresh} />
      </div>

      <GroupsFilters params={params} onChange={(next, history) => navigate({ current: 1, size: params.size, ...next }, history)} />

      <IndexProgress waiting={waitingOnIndex} />

      {data === undefined ? (
        query.isError ? (
          <RetryableError
            title="用户组加载失败"
            message={query.error.message}
            retrying={query.isFetching}
            onRetry={() => void query.refetch()}
          />
        ) : (
          <>
            <p role="status" className="sr-only">
              正在加载用户组…
            </p>
            <GroupsTableSkeleton rows={Math.min(params.size, 10)} />
          </>
        )
      ) : (
        <>
          {query.isError && (
            <RetryableError
              title="这一页没有更新成功，下面是之前的数据"
              message={query.error.message}
              retrying={query.isFetching}
              onRetry={() => void query.refetch()}
            />
          )}
          {data.records.length === 0 ? (
            <NoGroups total={data.total} pages={data.pages} params={params} filtered={filtered} onNavigate={navigate} />
          ) : (
            <GroupsTable
              groups={data.records}
              selectedIds={selectedIds}
              onToggle={canSend ? toggle : undefined}
              busy={query.isPlaceholderData && query.isFetching}
            />
          )}
          {data.total > 0 && (
            <Pagination
              label="用户组分页"
              current={params.current}
              pages={data.pages}
              total={data.total}
              size={params.size}
              sizes={PAGE_SIZES}
              busy={query.isPlaceholderData && query.isFetching}
              onPageChange={(page) => navigate({ ...params, current: page })}
              // Keep the first row on screen in view: land on the page that holds it at the new size.
              onSizeChange={(size) => navigate({ ...params, size, current: Math.floor(((params.current - 1) * params.size) / size) + 1 })}
            />
          )}
        </>
      )}

      {canSend && <SelectionBar selected={selected} onRemove={(group) => toggle([group], false)} onClear={clear} />}
    </div>
  );
}

function NoGroups({
  total,
  pages,
  params,
  filtered,
  onNavigate,
}: {
  total: number;
  pages: number;
  params: GroupsParams;
  filtered: boolean;
  onNavigate: (next: GroupsParams) => void;
}) {
  if (total > 0) {
    return (
      <EmptyState
        title={`第 ${params.current} 页没有内容`}
        action={<Button onClick={() => onNavigate({ ...params, current: pages })}>去第 {formatCount(pages)} 页（最后一页）</Button>}
      >
        共 {formatCount(total)} 条，只有 {formatCount(pages)} 页。
      </EmptyState>
    );
  }
  if (filtered) {
    return (
      <EmptyState
        title="没有符合条件的用户组"
        action={<Button onClick={() => onNavigate({ current: 1, size: params.size })}>清除筛选</Button>}
      >
        换个关键词，或放宽类型、部门、标签的条件再试。
      </EmptyState>
    );
  }
  return <EmptyState title="还没有用户组">用户组在传播通后台创建；创建后点“刷新”即可看到。</EmptyState>;
}
