"use client";

import { useEffect, useId, useState, type ReactNode } from "react";
import { NoTemplates, TemplateItems } from "@/components/templates/template-items";
import { Pagination } from "@/components/ui/pagination";
import { RetryableError } from "@/components/ui/retryable-error";
import { Select } from "@/components/ui/select";
import { TextInput } from "@/components/ui/text-input";
import { useTemplates, type TemplateFilter } from "@/lib/templates/templates-query";
import { NOTIFY_WAY_LABELS, NOTIFY_WAYS, type NotifyWay } from "@/lib/validations/push-labels";
import type { Template } from "@/lib/templates/template";

// 常用模板, searchable, for the composer's 选择模板 (each with its 使用); /templates renders the same
// items on the server.

const PAGE_SIZE = 10;

export function TemplateList({ actions, autoFocus }: { actions: (template: Template) => ReactNode; autoFocus?: boolean }) {
  const id = useId();
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
      <div className="flex flex-wrap gap-2">
        <label htmlFor={`${id}-q`} className="sr-only">
          搜索模板
        </label>
        <TextInput
          id={`${id}-q`}
          type="search"
          placeholder="按名称或内容搜索"
          value={typed}
          data-autofocus={autoFocus ? true : undefined}
          onChange={(e) => setTyped(e.target.value)}
          className="min-w-0 flex-1"
        />
        <label htmlFor={`${id}-way`} className="sr-only">
          推送类型
        </label>
        <Select
          id={`${id}-way`}
          placeholder="全部类型"
          className="w-auto"
          options={NOTIFY_WAYS.map((way) => ({ value: way, label: NOTIFY_WAY_LABELS[way] }))}
          value={filter.notify_way ?? ""}
          onChange={(e) =>
            setFilter((f) => ({ ...f, current: 1, notify_way: e.target.value ? (Number(e.target.value) as NotifyWay) : undefined }))
          }
        />
      </div>
      {list.isPending ? (
        <p className="py-6 text-center text-sm text-slate-500">正在读取模板…</p>
      ) : list.isError ? (
        <RetryableError title="读取模板失败" message={list.error.message} retrying={list.isFetching} onRetry={() => void list.refetch()} />
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
