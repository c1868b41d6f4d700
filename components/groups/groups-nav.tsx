"use client";

import { useRouter } from "next/navigation";
import { useRef, useTransition, type ReactNode } from "react";
import { useGroupsState } from "@/components/groups/groups-state";
import { GROUPS_HEADING_ID } from "@/components/groups/heading-ids";
import { RefreshControl } from "@/components/groups/refresh-control";
import { Button } from "@/components/ui/button";
import { focusWhenShown } from "@/components/ui/focus";
import { Pagination } from "@/components/ui/pagination";
import { RetryableError } from "@/components/ui/retryable-error";
import { PAGE_SIZES } from "@/lib/groups/groups-url";
import type { GroupsParams } from "@/lib/groups/groups-params";

// The group list's controls that run in the browser: each changes the address (or asks the server
// again) and the page renders anew on the server.

export function GroupsPagination({ params, pages, total }: { params: GroupsParams; pages: number; total: number }) {
  const { navigate, pending } = useGroupsState();
  return (
    <Pagination
      label="用户组分页"
      current={params.current}
      pages={pages}
      total={total}
      size={params.size}
      sizes={PAGE_SIZES}
      busy={pending}
      onPageChange={(page) => navigate({ ...params, current: page })}
      // Keep the first row on screen in view: land on the page that holds it at the new size.
      onSizeChange={(size) => navigate({ ...params, size, current: Math.floor(((params.current - 1) * params.size) / size) + 1 })}
    />
  );
}

/** A button to another address of the list (去最后一页, 清除筛选). */
export function GoButton({ to, children }: { to: GroupsParams; children: ReactNode }) {
  const { navigate } = useGroupsState();
  return <Button onClick={() => navigate(to)}>{children}</Button>;
}

export function GroupsRefresh({ fetchedAt }: { fetchedAt: string | undefined }) {
  const { refresh } = useGroupsState();
  return (
    <RefreshControl
      fetchedAt={fetchedAt}
      refresh={{ mutate: () => void refresh.mutate(), isPending: refresh.isPending, error: refresh.error }}
    />
  );
}

/**
 * The vendor's failure, in its words; 重试 asks the server for the page again. After a failed fetch
 * of every group (`crawl`), which the server keeps saying for a while, 重试 starts a new fetch (as
 * 刷新 does; its progress shows meanwhile), then the page renders with its outcome.
 */
export function GroupsLoadError({ message, crawl = false }: { message: string; crawl?: boolean }) {
  const router = useRouter();
  const { refresh } = useGroupsState();
  const [retrying, startTransition] = useTransition();
  const shown = useRef<HTMLDivElement>(null);
  const again = () => startTransition(() => router.refresh());
  const fetchAgain = async () => {
    // Succeeded: 刷新 has rendered the page again. Failed: the page says the new failure, once.
    if ((await refresh.mutate()) !== undefined) return;
    refresh.reset();
    again();
  };
  const retry = () => {
    // 重试 keeps focus while it works; once the list has come, the button is gone: the heading takes it.
    focusWhenShown(() => (shown.current ? null : document.getElementById(GROUPS_HEADING_ID)));
    if (crawl) void fetchAgain();
    else again();
  };
  return (
    <div ref={shown}>
      <RetryableError title="用户组加载失败" message={message} retrying={retrying || refresh.isPending} onRetry={retry} />
    </div>
  );
}
