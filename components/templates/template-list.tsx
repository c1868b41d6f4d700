"use client";

import { useEffect, useId, useState, type ReactNode } from "react";
import { RetryableError } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Select } from "@/components/ui/select";
import { TextInput } from "@/components/ui/text-input";
import { useTemplates, type TemplateFilter } from "@/lib/templates/templates-query";
import { NOTIFY_WAY_LABELS, NOTIFY_WAYS, type NotifyWay } from "@/lib/validations/push-labels";
import type { Template } from "@/lib/templates/template";

// 常用模板, searchable: the composer's 选择模板 and the /templates page list them alike, each with its
// own buttons per template (使用, or 编辑 and 删除).

const PAGE_SIZE = 10;

/** A line of the template's content, to tell templates with similar names apart. */
export function templateSummary(template: Template): string {
  switch (template.notify_way) {
    case 1:
      return `${template.push_title}：${template.push_content}`;
    case 2:
      return template.msg_template;
    case 3:
      return template.voice_content;
  }
}

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
        <EmptyState title={filter.q || filter.notify_way ? "没有符合条件的模板" : "还没有模板"}>
          {filter.q || filter.notify_way ? "换个关键词或类型再试。" : "在创建推送页或推送记录里点「存为模板」，就能在这里找到它。"}
        </EmptyState>
      ) : (
        <>
          <ul aria-label="模板" className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {list.data.records.map((template) => (
              <li key={template.id} className="flex flex-col gap-2 p-3 sm:flex-row sm:items-start sm:justify-between">
                <div className="flex min-w-0 flex-col gap-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium break-words">{template.name}</span>
                    <Badge>{NOTIFY_WAY_LABELS[template.notify_way]}</Badge>
                  </div>
                  <p className="line-clamp-2 text-sm break-words text-slate-600">{templateSummary(template)}</p>
                  <p className="text-xs text-slate-500">建立人：{template.created_by}</p>
                </div>
                <div className="flex shrink-0 flex-wrap gap-2">{actions(template)}</div>
              </li>
            ))}
          </ul>
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
