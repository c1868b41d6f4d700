"use client";

import { useEffect, useEffectEvent, useRef, useState, type ReactNode } from "react";
import { useGroupsState } from "@/components/groups/groups-state";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/error-text";
import { RetryableError } from "@/components/ui/retryable-error";
import { useAnswer } from "@/lib/api/use-answer";
import { fetchTagIndex } from "@/lib/groups/groups-fetch";
import { formatCount } from "@/lib/text/count";
import type { GroupsParams } from "@/lib/groups/groups-params";
import type { GroupFilters } from "@/lib/groups/search";

const KEYWORD_DELAY_MS = 300;

const fieldClasses = "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm";

const DEPARTMENTS = { key: "departments", ask: (signal: AbortSignal) => fetchTagIndex(signal) };

/**
 * Departments come from the whole list: asked (useAnswer, the browser's one way to ask) only once
 * someone reaches for the filter (or it is in use), and again on 重试. A failure stays shown while
 * 重试 asks, so the button keeps its focus; `retried` says a 重试 brought the list.
 */
function useDepartments(wanted: boolean) {
  const [want, setWant] = useState(wanted);
  // Not asked again by itself: 重试 is at hand.
  const { answer, retrying, retry } = useAnswer(want ? DEPARTMENTS : null, () => false);
  const data = answer?.data?.departments;
  const departments = {
    data,
    error: answer?.error ?? undefined,
    loading: (want && answer === null) || retrying,
    retrying,
    retried: data !== undefined && answer !== null && answer.attempt > 0,
    retry,
  };
  return [departments, () => setWant(true)] as const;
}

/**
 * Keyword, type and department. A keyword applies as one types (after a short pause) and replaces
 * the history entry, so back does not replay every keystroke; the selects add an entry.
 * `tagRule`: the tag filter in use, as the server words it; `filtered`: whether any filter is (the server says).
 */
export function GroupsFilters({ params, filtered, tagRule }: { params: GroupsParams; filtered: boolean; tagRule?: ReactNode }) {
  const { navigate } = useGroupsState();
  const [keyword, setKeyword] = useState(params.q ?? "");
  const sent = useRef(params.q ?? "");
  // The keyword last applied, even before the page for it has arrived, so a select chosen meanwhile keeps it.
  const { current: _current, size: _size, ...shown } = params;
  const latest = (): GroupFilters => ({ ...shown, q: sent.current || undefined });
  const onChange = (next: GroupFilters, history: "push" | "replace") => navigate({ current: 1, size: params.size, ...next }, history);
  const [index, wantDepartments] = useDepartments(Boolean(params.department || params.tag));

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
    onChange({ ...latest(), q: q || undefined }, history);
  };

  // Fires after the pause with this render's filters, not those of the keystroke that scheduled it,
  // so it cannot undo a filter chosen in between.
  const onPause = useEffectEvent(() => applyKeyword(keyword, "replace"));
  useEffect(() => {
    const timer = setTimeout(onPause, KEYWORD_DELAY_MS);
    return () => clearTimeout(timer);
  }, [keyword]);

  const departments = index.data ?? [];
  // 重试 brought the list: its button is gone, so the focus it held (now nowhere) goes where the
  // person was headed; focus taken elsewhere meanwhile stays there.
  const departmentSelect = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (index.retried && document.activeElement === document.body) departmentSelect.current?.focus();
  }, [index.retried]);

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
            onChange({ ...latest(), type: event.target.value ? (Number(event.target.value) as 1 | 2) : undefined }, "push")
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
          ref={departmentSelect}
          value={params.department ?? ""}
          onFocus={wantDepartments}
          onPointerDown={wantDepartments}
          onChange={(event) => onChange({ ...latest(), department: event.target.value || undefined }, "push")}
          aria-describedby={index.error ? "department-error" : undefined}
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
          {index.loading && departments.length === 0 && <option disabled>正在加载部门…</option>}
        </select>
      </label>
      {index.error && (
        <div id="department-error" className="w-full">
          {/* After a 401 the reason links to sign in again (a new tab), so that 重试 then works. */}
          <RetryableError
            title="部门列表加载失败"
            message={<ErrorText error={index.error} />}
            retrying={index.retrying}
            onRetry={index.retry}
          />
        </div>
      )}
      {params.tag && (
        <p className="flex items-center gap-2 text-sm">
          <span className="text-slate-600">标签：</span>
          {tagRule}
          <Button variant="ghost" onClick={() => onChange({ ...latest(), tag: undefined }, "push")} aria-label="清除标签筛选">
            ×
          </Button>
        </p>
      )}
      {filtered && (
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
