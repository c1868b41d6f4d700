"use client";

import { useEffect, useEffectEvent, useRef, useState } from "react";
import { TagRuleChip } from "@/components/groups/tag-rule-chip";
import { Button } from "@/components/ui/button";
import { hasFilters, type GroupFilters } from "@/lib/groups/search";
import { useTagIndex } from "@/lib/groups/tags-query";
import { formatCount } from "@/lib/text/count";
import type { GroupsParams } from "@/lib/groups/groups-params";

const KEYWORD_DELAY_MS = 300;

const fieldClasses = "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm";

/**
 * Keyword, type and department. A keyword applies as one types (after a short pause) and replaces
 * the history entry, so back does not replay every keystroke; the selects add an entry.
 */
export function GroupsFilters({
  params,
  onChange,
}: {
  params: GroupsParams;
  onChange: (filters: GroupFilters, history: "push" | "replace") => void;
}) {
  const { current: _current, size: _size, ...filters } = params;
  const [keyword, setKeyword] = useState(params.q ?? "");
  const sent = useRef(params.q ?? "");
  // Departments come from the whole list: only load it once someone reaches for the filter.
  const [wantDepartments, setWantDepartments] = useState(Boolean(params.department || params.tag));
  const index = useTagIndex({ enabled: wantDepartments });

  // Back/forward or a link changed q: show it.
  useEffect(() => {
    if ((params.q ?? "") !== sent.current) {
      sent.current = params.q ?? "";
      setKeyword(sent.current);
    }
  }, [params.q]);

  const applyKeyword = (value: string, history: "push" | "replace") => {
    const q = value.trim();
    if (q === sent.current) return;
    sent.current = q;
    onChange({ ...filters, q: q || undefined }, history);
  };

  // Fires after the pause with this render's filters, not those of the keystroke that scheduled it,
  // so it cannot undo a filter chosen in between.
  const onPause = useEffectEvent(() => applyKeyword(keyword, "replace"));
  useEffect(() => {
    const timer = setTimeout(onPause, KEYWORD_DELAY_MS);
    return () => clearTimeout(timer);
  }, [keyword]);

  const departments = index.data?.departments ?? [];
  const tagName = params.tag && index.data?.tags.find((t) => t.tag_code === params.tag?.tag_code)?.tag_name;

  return (
    <form
      role="search"
      aria-label="搜索用户组"
      onSubmit={(event) => {
        event.preventDefault();
        applyKeyword(keyword, "push");
      }}
      className="flex flex-wrap items-end gap-3"
    >
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        关键词
        <input
          type="search"
          value={keyword}
          onChange={(event) => setKeyword(event.target.value)}
          placeholder="名称、部门、操作人、标签或 ID"
          className={`${fieldClasses} w-72`}
        />
      </label>
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        类型
        <select
          value={params.type ?? ""}
          onChange={(event) =>
            onChange({ ...filters, type: event.target.value ? (Number(event.target.value) as 1 | 2) : undefined }, "push")
          }
          className={fieldClasses}
        >
          <option value="">全部类型</option>
          <option value="1">导入用户</option>
          <option value="2">标签组</option>
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        所属部门
        <select
          value={params.department ?? ""}
          onFocus={() => setWantDepartments(true)}
          onPointerDown={() => setWantDepartments(true)}
          onChange={(event) => onChange({ ...filters, department: event.target.value || undefined }, "push")}
          aria-describedby={index.isError ? "department-error" : undefined}
          className={`${fieldClasses} max-w-56`}
        >
          <option value="">全部部门</option>
          {params.department && !departments.some((d) => d.department === params.department) && (
            <option value={params.department}>{params.department}</option>
          )}
          {departments.map((d) => (
            <option key={d.department} value={d.department}>
              {d.department}（{formatCount(d.groups)}）
            </option>
          ))}
          {index.isFetching && departments.length === 0 && <option disabled>正在加载部门…</option>}
        </select>
      </label>
      {index.isError && (
        <p id="department-error" className="text-xs text-red-700">
          部门列表加载失败：{index.error.message}
        </p>
      )}
      {params.tag && (
        <p className="flex items-center gap-2 text-sm">
          <span className="text-slate-600">标签：</span>
          {params.tag.relational_symbols === undefined && params.tag.value1 === undefined ? (
            <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs ring-1 ring-slate-200 ring-inset">
              {tagName ?? params.tag.tag_code}：任意值
            </span>
          ) : (
            <TagRuleChip
              rule={{
                tag_code: params.tag.tag_code,
                tag_name: tagName ?? null,
                relational_symbols: params.tag.relational_symbols ?? null,
                value1: params.tag.value1 ?? null,
                value2: params.tag.value2 ?? null,
              }}
            />
          )}
          <Button variant="ghost" onClick={() => onChange({ ...filters, tag: undefined }, "push")} aria-label="清除标签筛选">
            ×
          </Button>
        </p>
      )}
      {hasFilters(filters) && (
        <Button
          variant="ghost"
          onClick={() => {
            sent.current = "";
            setKeyword("");
            onChange({}, "push");
          }}
        >
          清除全部筛选
        </Button>
      )}
    </form>
  );
}
