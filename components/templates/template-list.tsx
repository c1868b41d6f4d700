"use client";

import { useEffect, useState, type ReactNode } from "react";
import { NoTemplates, TemplateItems } from "@/components/templates/template-items";
import { TemplateSearchFields } from "@/components/templates/template-search-fields";
import { ErrorText } from "@/components/ui/error-text";
import { Pagination } from "@/components/ui/pagination";
import { RetryableError } from "@/components/ui/retryable-error";
import { useTemplates, type TemplateFilter } from "@/lib/templates/templates-query";
import { type NotifyWay } from "@/lib/validations/push-labels";
import type { Template } from "@/lib/templates/template";

// 常用模板, searchable, for the composer's 选择模板 (each with its 使用); /templates renders the same
// items on the server.

const PAGE_SIZE = 10;

export function TemplateList({ actions, autoFocus }: { actions: (template: Template) => ReactNode; autoFocus?: boolean }) {
  const [typed, setTyped] = useState("");
  const [filter, setFilter] = useState<TemplateFilter>({ q: "", current: 1, size: PAGE_SIZE });
  // A request per pause in typing, not per keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setFilter((f) => (f.q === typed ? f : { ...f, q: typed, current: 1 })), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const list = useTemplates(filter);

  return (
    <div className="flex flex-col gap-3">
      <TemplateSearchFields
        typed={typed}
        onTyped={setTyped}
        way={filter.notify_way === undefined ? "" : String(filter.notify_way)}
        onWay={(way) => setFilter((f) => ({ ...f, current: 1, notify_way: way ? (Number(way) as NotifyWay) : undefined }))}
        autoFocus={autoFocus}
      />
      {list.isPending ? (
        <p className="py-6 text-center text-sm text-slate-500">正在读取模板…</p>
      ) : list.isError ? (
        <RetryableError
          title="读取模板失败"
          message={<ErrorText error={list.error} />}
          retrying={list.isFetching}
          onRetry={() => void list.refetch()}
        />
      ) : list.data.total === 0 ? (
        <NoTemplates filtered={Boolean(filter.q || filter.notify_way)} />
      ) : (
        <>
          <TemplateItems templates={list.data.records} actions={actions} />
          {list.data.pages > 1 && (
            <Pagination
              label="模板分页"
              current={list.data.current}
              pages={list.data.pages}
              total={list.data.total}
              size={list.data.size}
              busy={list.isFetching}
              onPageChange={(current) => setFilter((f) => ({ ...f, current }))}
            />
          )}
        </>
      )}
    </div>
  );
}
