"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { ApprovalCard } from "@/components/admin/approval-card";
import { Alert, RetryableError } from "@/components/ui/alert";
import { Pagination } from "@/components/ui/pagination";
import { useApprovals } from "@/lib/auth/approvals-query";
import { useOptions } from "@/lib/compose/options-query";
import type { Decision } from "@/components/admin/decision-dialog";

// The dialog (with react-hook-form and the reject schema) loads right after the list, not with it.
const DecisionDialog = dynamic(() => import("@/components/admin/decision-dialog").then((m) => m.DecisionDialog), { ssr: false });

export function ApprovalList({ me }: { me: string }) {
  const [current, setCurrent] = useState(1);
  const approvals = useApprovals(current);
  const options = useOptions();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (approvals.isPending) return <p className="text-sm text-slate-600">正在加载待审批的推送…</p>;
  if (approvals.isError) {
    return (
      <RetryableError
        title="待审批的推送没有加载出来"
        message={approvals.error.message}
        retrying={approvals.isFetching}
        onRetry={() => void approvals.refetch()}
      />
    );
  }
  const { records, pages, total } = approvals.data;
  return (
    <div className="space-y-4">
      {done && <Alert variant="success">{done}</Alert>}
      {records.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-6 text-center text-sm text-slate-600">现在没有等待审批的推送。</p>
      ) : (
        <ul className="space-y-3" aria-label="待审批推送">
          {records.map((record) => (
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
      {pages > 1 && (
        <Pagination label="待审批分页" current={current} pages={pages} total={total} size={approvals.data.size} onPageChange={setCurrent} />
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
