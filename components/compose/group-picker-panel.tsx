"use client";

import { useState } from "react";
import { GroupFacts } from "@/components/compose/group-summary";
import { ErrorText } from "@/components/ui/error-text";
import { Pagination } from "@/components/ui/pagination";
import { RetryableError } from "@/components/ui/retryable-error";
import { TextInput } from "@/components/ui/text-input";
import { ApiError } from "@/lib/api/fetch-json";
import { useAnswer } from "@/lib/api/use-answer";
import { useSettled } from "@/lib/api/use-settled";
import { fetchGroups, refreshGroups } from "@/lib/groups/groups-fetch";
import type { Group } from "@/lib/validations/group";

// The picker's open list (search, tick, pages), loaded when it first opens. One question at a time
// for what the editor last asked; the page shown stays (aria-busy) while the next one comes.

const PAGE_SIZE = 10;

/** The search and page live in the picker, so closing and opening the list keeps them. */
export type PanelState = { q: string; setQ: (q: string) => void; page: number; setPage: (page: number) => void };

export function GroupPickerPanel(props: PanelState & { selected: Group[]; onToggle: (group: Group) => void }) {
  const { q, setQ, page, setPage, selected, onToggle } = props;
  const query = useSettled(q.trim(), 250);
  const key = JSON.stringify([page, query]);
  // 重试 on a search the server failed: it fetches the list anew, rather than say the failure it keeps
  // for a while (so that a search typed on does not ask a vendor that is down again and again). For
  // that one search only: typed on, or back to it later, it is asked plainly again.
  const [refreshFor, setRefreshFor] = useState<string | null>(null);
  if (refreshFor !== null && refreshFor !== key) setRefreshFor(null);
  const params = { current: page, size: PAGE_SIZE, ...(query ? { q: query } : {}) };
  const load = refreshFor === key ? refreshGroups : fetchGroups;
  const { answer, current, retrying, retry } = useAnswer(
    { key, ask: (signal) => load(params, signal) },
    // The server already retries the upstream; here only a lost connection is worth one more try.
    (error) => error instanceof ApiError && error.status === 0,
  );
  const busy = !current && answer?.data !== undefined;
  const chosen = new Set(selected.map((g) => g.id));

  return (
    <>
      <TextInput
        type="search"
        aria-label="搜索用户组"
        placeholder="搜索名称、部门、标签或 ID"
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setPage(1);
        }}
      />
      {answer === null || (!current && answer.data === undefined) ? (
        <p className="py-4 text-center text-sm text-slate-500">正在读取用户组…</p>
      ) : answer.error ? (
        <RetryableError
          title="读取用户组失败"
          message={<ErrorText error={answer.error} />}
          retrying={retrying}
          onRetry={() => {
            // Not after a lost connection or an ended session (signed in again in another tab): the
            // server has nothing kept to say again, and a fetch of every group would only make the search wait.
            const plain = answer.error instanceof ApiError && (answer.error.status === 0 || answer.error.status === 401);
            if (query && !plain) setRefreshFor(key);
            retry();
          }}
        />
      ) : answer.data === undefined ? null : answer.data.records.length === 0 ? (
        <p className="py-4 text-center text-sm text-slate-500">没有符合“{query}”的用户组。</p>
      ) : (
        <>
          <ul
            aria-label="用户组"
            aria-busy={busy}
            className="flex max-h-80 flex-col divide-y divide-slate-200 overflow-y-auto rounded-md border border-slate-200 bg-white"
          >
            {answer.data.records.map((group) => (
              <li key={group.id}>
                <label className="flex cursor-pointer items-start gap-2 px-3 py-2 hover:bg-slate-50">
                  <input type="checkbox" className="mt-1" checked={chosen.has(group.id)} onChange={() => onToggle(group)} />
                  <span className="min-w-0">
                    <span className="block truncate text-sm" title={group.title}>
                      {group.title} <span className="text-slate-500">#{group.id}</span>
                    </span>
                    <GroupFacts group={group} />
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <Pagination
            label="用户组分页"
            current={answer.data.current}
            pages={answer.data.pages}
            total={answer.data.total}
            size={PAGE_SIZE}
            busy={busy}
            onPageChange={setPage}
          />
        </>
      )}
    </>
  );
}
