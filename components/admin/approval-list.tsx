"use client";

import { useState } from "react";
import { ApprovalCard } from "@/components/admin/approval-card";
import { CHANNEL_FILTER } from "@/components/lists/channel-filter";
import { DAY_RANGE, FilterBar } from "@/components/lists/filter-bar";
import { useUrlParams } from "@/components/lists/use-url-params";
import { Alert, RetryableError } from "@/components/ui/alert";
import { onDemand } from "@/components/ui/on-demand";
import { Pagination } from "@/components/ui/pagination";
import { listProblem, pickFilters } from "@/lib/api/list-params";
import { useApprovals } from "@/lib/auth/approvals-query";
import { useOptions } from "@/lib/compose/options-query";
import type { Decision } from "@/components/admin/decision-dialog";

// The dialog (with react-hook-form and the reject schema) loads right after the list, not with it.
const DecisionDialog = onDemand(() => import("@/components/admin/decision-dialog").then((m) => m.DecisionDialog));

const FILTERS = ["notify_way", "sent_by", "from", "to"] as const;

/** 待审批: filters and page in the URL, like every list. */
export function ApprovalList({ me }: { me: string }) {
  const { params, go, page } = useUrlParams();
  const filters = pickFilters(params, FILTERS);
  const approvals = useApprovals({ current: page(), size: 20, filters });
  const options = useOptions();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const filtered = Object.keys(filters).length > 0;

  return (
    <div className="space-y-4">
      <FilterBar
        label="筛选待审批推送"
        params={params}
        onApply={go}
        fields={[CHANNEL_FILTER, { name: "sent_by", label: "提交人", kind: "text", placeholder: "用户名", maxLength: 64 }, ...DAY_RANGE]}
      />
      {done && <Alert variant="success">{done}</Alert>}
      {approvals.isPending ? (
        <p className="text-sm text-slate-600">正在加载待审批的推送…</p>
      ) : approvals.isError ? (
        <RetryableError
          title="待审批的推送没有加载出来"
          message={listProblem(approvals.error)}
          retrying={approvals.isFetching}
          onRetry={() => void approvals.refetch()}
        />
      ) : approvals.data.records.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-6 text-center text-sm text-slate-600">
          {filtered ? "没有符合筛选条件的待审批推送。" : "现在没有等待审批的推送。"}
        </p>
      ) : (
        <ul className="space-y-3" aria-label="待审批推送" aria-busy={approvals.isPlaceholderData}>
          {approvals.data.records.map((record) => (
            <li key={record.id}>
              <ApprovalCard
                record={record}
                mine={record.sent_by === me}
                options={options.data}
                onDecide={(kind) => setDecision({ record, kind })}
              />
            </li>
          ))}
        </ul>
      )}
      {approvals.data && approvals.data.pages > 1 && (
        <Pagination
          label="待审批分页"
          current={approvals.data.current}
          pages={approvals.data.pages}
          total={approvals.data.total}
          size={approvals.data.size}
          onPageChange={(current) => go({ page: current })}
        />
      )}
      <DecisionDialog
        decision={decision}
        onClose={() => setDecision(null)}
        onDone={(message) => {
          setDone(message);
          setDecision(null);
        }}
      />
    </div>
  );
}
