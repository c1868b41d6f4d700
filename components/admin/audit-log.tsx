"use client";

import { DAY_RANGE, FilterBar } from "@/components/lists/filter-bar";
import { StackedCell, StackedRow, StackedTable } from "@/components/lists/stacked-table";
import { useUrlParams } from "@/components/lists/use-url-params";
import { buttonClasses } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/error-text";
import { Pagination } from "@/components/ui/pagination";
import { RetryableError } from "@/components/ui/retryable-error";
import { ShortId } from "@/components/ui/short-id";
import { listProblem, pickFilters } from "@/lib/api/list-params";
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS } from "@/lib/auth/audit-actions";
import { AUDIT_FILTERS, auditCsvHref, useAudit } from "@/lib/auth/audit-query";
import { formatChinaTime } from "@/lib/text/china-time";

// 审计日志: filters and page in the URL; details in words and addresses as people write them, both
// from the server (lib/auth/audit-details.ts), so this page ships no wording tables.

const COLUMNS = ["时间", "操作人", "IP 地址", "操作", "对象", "详情"];

/** Actions whose 对象 is a record's id (a push's, a template's): shortened, with 复制 for the whole. */
const ID_TARGET = /^(push|template)_/;

export function AuditLog() {
  const { params, go, page } = useUrlParams();
  const filters = pickFilters(params, AUDIT_FILTERS);
  const audit = useAudit({ current: page(), size: 50, filters });

  return (
    <div className="space-y-4">
      <FilterBar
        label="筛选审计日志"
        params={params}
        onApply={go}
        fields={[
          {
            name: "action",
            label: "操作",
            kind: "select",
            placeholder: "全部",
            options: AUDIT_ACTIONS.map((action) => ({ value: action, label: AUDIT_ACTION_LABELS[action] })),
          },
          { name: "actor", label: "操作人", kind: "text", placeholder: "用户名", maxLength: 100 },
          ...DAY_RANGE,
        ]}
        extra={
          <a href={auditCsvHref(filters)} download className={buttonClasses("secondary")}>
            导出 CSV
          </a>
        }
      />

      {audit.isPending && <p className="text-sm text-slate-600">正在加载审计日志…</p>}
      {audit.isError && (
        <RetryableError
          title="审计日志没有加载出来"
          message={<ErrorText error={audit.error}>{listProblem(audit.error)}</ErrorText>}
          retrying={audit.isFetching}
          onRetry={() => void audit.refetch()}
        />
      )}
      {audit.data &&
        !audit.isError &&
        (audit.data.records.length === 0 ? (
          <p className="rounded-md border border-slate-200 bg-white p-6 text-center text-sm text-slate-600">没有符合条件的记录。</p>
        ) : (
          <StackedTable caption="审计日志" columns={COLUMNS} busy={audit.isPlaceholderData}>
            {audit.data.records.map((entry) => (
              <StackedRow key={entry.seq}>
                <StackedCell label="时间" className="tabular-nums sm:whitespace-nowrap">
                  {formatChinaTime(entry.at)}
                </StackedCell>
                <StackedCell label="操作人">{entry.actor ?? "—"}</StackedCell>
                <StackedCell label="IP 地址" className="font-mono text-xs">
                  {entry.ip ?? "—"}
                </StackedCell>
                <StackedCell label="操作">{AUDIT_ACTION_LABELS[entry.action] ?? entry.action}</StackedCell>
                <StackedCell label="对象" className="text-xs break-all">
                  {entry.target === null ? (
                    "—"
                  ) : ID_TARGET.test(entry.action) ? (
                    <ShortId id={entry.target} />
                  ) : (
                    <span className="font-mono">{entry.target}</span>
                  )}
                </StackedCell>
                <StackedCell label="详情" className="text-xs text-slate-700 sm:max-w-md">
                  {entry.summary || "—"}
                </StackedCell>
              </StackedRow>
            ))}
          </StackedTable>
        ))}
      {audit.data && audit.data.pages > 1 && (
        <Pagination
          label="审计日志分页"
          current={audit.data.current}
          pages={audit.data.pages}
          total={audit.data.total}
          size={audit.data.size}
          busy={audit.isPlaceholderData}
          onPageChange={(current) => go({ page: current })}
        />
      )}
    </div>
  );
}
