"use client";

import { useState, type FormEvent } from "react";
import { RetryableError } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { TableHead } from "@/components/ui/table-head";
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, type AuditEntry } from "@/lib/auth/audit-actions";
import { auditSearch, useAudit, type AuditFilters } from "@/lib/auth/audit-query";
import { formatChinaTime } from "@/lib/text/china-time";

const EMPTY: AuditFilters = { action: "", actor: "", from: "", to: "" };
const field = "mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm";

function details(entry: AuditEntry): string {
  const parts = Object.entries(entry.details)
    .filter(([, value]) => value !== null && value !== undefined && value !== "")
    .map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`);
  return parts.join("；");
}

export function AuditLog() {
  const [filters, setFilters] = useState<AuditFilters>(EMPTY);
  const [draft, setDraft] = useState<AuditFilters>(EMPTY);
  const [current, setCurrent] = useState(1);
  const audit = useAudit(filters, current);

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilters(draft);
    setCurrent(1);
  }
  const set = (key: keyof AuditFilters) => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value });

  return (
    <div className="space-y-4">
      <form
        onSubmit={apply}
        aria-label="筛选审计日志"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
      >
        <div>
          <label htmlFor="audit-action" className="text-sm font-medium">
            操作
          </label>
          <select id="audit-action" className={field} value={draft.action} onChange={set("action")}>
            <option value="">全部</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {AUDIT_ACTION_LABELS[action]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-actor" className="text-sm font-medium">
            操作人
          </label>
          <input id="audit-actor" className={field} value={draft.actor} onChange={set("actor")} placeholder="用户名" />
        </div>
        <div>
          <label htmlFor="audit-from" className="text-sm font-medium">
            从
          </label>
          <input id="audit-from" type="date" className={field} value={draft.from} onChange={set("from")} />
        </div>
        <div>
          <label htmlFor="audit-to" className="text-sm font-medium">
            到
          </label>
          <input id="audit-to" type="date" className={field} value={draft.to} onChange={set("to")} />
        </div>
        <button type="submit" className={buttonClasses("primary")}>
          筛选
        </button>
        <button
          type="button"
          className={buttonClasses("secondary")}
          onClick={() => {
            setDraft(EMPTY);
            setFilters(EMPTY);
            setCurrent(1);
          }}
        >
          清除筛选
        </button>
        <a href={`/api/audit?${auditSearch(filters, { format: "csv" })}`} download className={`${buttonClasses("secondary")} ml-auto`}>
          导出 CSV
        </a>
      </form>

      {audit.isPending && <p className="text-sm text-slate-600">正在加载审计日志…</p>}
      {audit.isError && (
        <RetryableError
          title="审计日志没有加载出来"
          message={audit.error.message}
          retrying={audit.isFetching}
          onRetry={() => void audit.refetch()}
        />
      )}
      {audit.data &&
        (audit.data.records.length === 0 ? (
          <p className="rounded-md border border-slate-200 bg-white p-6 text-center text-sm text-slate-600">没有符合条件的记录。</p>
        ) : (
          <table className="w-full border-collapse bg-white text-left text-sm" aria-busy={audit.isFetching}>
            <TableHead caption="审计日志" columns={["时间", "操作人", "IP 地址", "操作", "对象", "详情"]} />
            <tbody>
              {audit.data.records.map((entry) => (
                <tr key={entry.seq} className="border-b border-slate-100 align-top">
                  <td className="px-3 py-2 whitespace-nowrap">{formatChinaTime(entry.at)}</td>
                  <td className="px-3 py-2">{entry.actor ?? "—"}</td>
                  <td className="px-3 py-2 font-mono text-xs">{entry.ip ?? "—"}</td>
                  <td className="px-3 py-2">{AUDIT_ACTION_LABELS[entry.action] ?? entry.action}</td>
                  <td className="px-3 py-2 font-mono text-xs">{entry.target ?? "—"}</td>
                  <td className="max-w-md px-3 py-2 text-xs break-words text-slate-700">{details(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {audit.data && audit.data.pages > 1 && (
        <nav aria-label="分页" className="flex items-center gap-3 text-sm">
          <button type="button" className={buttonClasses("secondary")} disabled={current <= 1} onClick={() => setCurrent(current - 1)}>
            上一页
          </button>
          <span>
            第 {current} / {audit.data.pages} 页，共 {audit.data.total} 条
          </span>
          <button
            type="button"
            className={buttonClasses("secondary")}
            disabled={current >= audit.data.pages}
            onClick={() => setCurrent(current + 1)}
          >
            下一页
          </button>
        </nav>
      )}
    </div>
  );
}
