"use client";

import { CHANNEL_FILTER } from "@/components/lists/channel-filter";
import { DAY_RANGE, FilterBar, type FilterField } from "@/components/lists/filter-bar";
import { ListUpdating } from "@/components/lists/list-updating";
import { useUrlParams } from "@/components/lists/use-url-params";
import { Pagination } from "@/components/ui/pagination";
import { useRefreshEvery } from "@/lib/api/use-refresh-every";
import { HISTORY_SIZES } from "@/lib/pushes/history-search";
import { useComesDue } from "@/lib/pushes/use-comes-due";
import { PUSH_STATUS_LABELS, PUSH_STATUSES } from "@/lib/validations/push-labels";
import type { Paging } from "@/lib/api/page";
import type { ReactNode } from "react";

// What of /history runs in the browser: the filters and pages (in the URL; the server renders the
// list for each address) and looking again while a push is going out or a scheduled one comes due.

/** Every 3 s while something on the page is changing by itself. */
const WATCH_MS = 3000;

const FIELDS: readonly FilterField[] = [
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
  { name: "sent_by", label: "发送人", kind: "text", placeholder: "姓名或用户名", maxLength: 64 },
];

export function HistoryShell({
  paging,
  watch,
  children,
}: {
  /** null when there are no rows to page through (empty, or the query was refused). */
  paging: Paging | null;
  watch: { going: boolean; due: string[] };
  /** The list as the server rendered it for this address. */
  children: ReactNode;
}) {
  const { params, go, pending } = useUrlParams();
  const due = useComesDue(watch.due);
  useRefreshEvery(WATCH_MS, watch.going || due);

  return (
    <div className="flex flex-col gap-4">
      <FilterBar label="筛选推送记录" params={params} onApply={go} fields={FIELDS} />
      <ListUpdating pending={pending} className="flex flex-col gap-4">
        {children}
        {paging && (
          <Pagination
            label="推送记录分页"
            current={paging.current}
            pages={paging.pages}
            total={paging.total}
            size={paging.size}
            sizes={HISTORY_SIZES}
            onPageChange={(current) => go({ page: current })}
            onSizeChange={(size) => go({ size, page: undefined })}
          />
        )}
      </ListUpdating>
    </div>
  );
}
