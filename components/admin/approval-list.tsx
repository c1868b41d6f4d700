"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { PushContent } from "@/components/compose/push-content";
import { buttonClasses } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Pagination } from "@/components/ui/pagination";
import { RetryableError } from "@/components/ui/status-message";
import { useApprovals } from "@/lib/auth/approvals-query";
import { sendJson } from "@/lib/auth/send-json";
import { useOptions } from "@/lib/compose/options-query";
import { recordReachText } from "@/lib/pushes/display";
import { NOTIFY_WAY_LABELS } from "@/lib/validations/push-labels";
import type { PushRecord } from "@/lib/validations/push-record";
import { formatChinaTime } from "@/lib/text/china-time";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Field, fieldAria } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { HoldReasons } from "@/components/admin/hold-reasons";

type Decision = { record: PushRecord; kind: "approve" | "reject" };

export function ApprovalList({ me }: { me: string }) {
  const [current, setCurrent] = useState(1);
  const approvals = useApprovals(current);
  const options = useOptions();
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  function open(next: Decision) {
    setDecision(next);
    setReason("");
    setReasonError(null);
    setFailure(null);
  }

  async function confirm() {
    if (!decision) return;
    const { record, kind } = decision;
    if (kind === "reject" && reason.trim() === "") {
      setReasonError("请写明驳回理由，让编辑知道要改什么");
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      if (kind === "approve") await sendJson("POST", `/api/approvals/${record.id}/approve`, {});
      else await sendJson("POST", `/api/approvals/${record.id}/reject`, { reason: reason.trim() });
      setDone(kind === "approve" ? `已批准并发出「${record.name}」。` : `已驳回「${record.name}」。`);
      setDecision(null);
    } catch (error) {
      // The push stays in the list with the reason; a refresh shows whether someone else decided first.
      setFailure((error as Error).message);
    } finally {
      setBusy(false);
      await queryClient.invalidateQueries({ queryKey: ["approvals"] });
    }
  }

  if (approvals.isPending) return <p className="text-sm text-slate-600">正在加载待审批的推送…</p>;
  if (approvals.isError) {
    return (
      <RetryableError
        title="待审批的推送没有加载出来"
        message={approvals.error.message}
        retrying={approvals.isFetching}
        onRetry={() => approvals.refetch()}
      />
    );
  }
  const { records, pages, total } = approvals.data;
  return (
    <div className="space-y-4">
      {done && (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {done}
        </p>
      )}
      {records.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-6 text-center text-sm text-slate-600">现在没有等待审批的推送。</p>
      ) : (
        <ul className="space-y-3" aria-label="待审批推送">
          {records.map((record) => {
            const mine = record.sent_by === me;
            return (
              <li key={record.id}>
                <article aria-label={record.name} className="rounded-lg border border-slate-200 bg-white p-4">
                  <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                    <h2 className="text-base font-semibold">{record.name}</h2>
                    <span className="rounded bg-slate-100 px-2 py-0.5 text-xs">{NOTIFY_WAY_LABELS[record.notify_way]}</span>
                    <span className="text-sm font-medium text-amber-800">{recordReachText(record)}</span>
                    <span className="text-sm text-slate-500">
                      {record.sent_by ?? "未知"} 提交于 {formatChinaTime(record.created_at)}
                    </span>
                  </header>
                  <HoldReasons reasons={record.hold_reasons} />
                  <div className="mt-3">
                    <PushContent push={record.body} options={options.data} />
                  </div>
                  <footer className="mt-4 flex flex-wrap items-center gap-2">
                    {mine ? (
                      <p className="text-sm text-slate-600">这是你提交的推送，需由另一位审核人审批。</p>
                    ) : (
                      <>
                        <button type="button" className={buttonClasses("primary")} onClick={() => open({ record, kind: "approve" })}>
                          批准并发送
                        </button>
                        <button type="button" className={buttonClasses("secondary")} onClick={() => open({ record, kind: "reject" })}>
                          驳回
                        </button>
                      </>
                    )}
                  </footer>
                </article>
              </li>
            );
          })}
        </ul>
      )}
      {pages > 1 && (
        <Pagination label="待审批分页" current={current} pages={pages} total={total} size={approvals.data.size} onPageChange={setCurrent} />
      )}

      <Dialog
        open={decision !== null}
        title={decision?.kind === "approve" ? "批准并发送这条推送？" : "驳回这条推送"}
        onClose={() => setDecision(null)}
      >
        {decision && (
          <div className="space-y-3">
            <p className="text-sm">
              「{decision.record.name}」，{NOTIFY_WAY_LABELS[decision.record.notify_way]}，{recordReachText(decision.record)}。
              {decision.kind === "approve" ? "批准后立即发出，无法撤回。" : "驳回后不会发出，编辑会在推送记录中看到你的理由。"}
            </p>
            {decision.kind === "reject" && (
              <Field id="reject-reason" label="驳回理由" required error={reasonError ?? undefined}>
                <Textarea
                  rows={3}
                  maxLength={200}
                  value={reason}
                  onChange={(event) => setReason(event.target.value)}
                  {...fieldAria("reject-reason", reasonError ?? undefined)}
                />
              </Field>
            )}
            {failure && (
              <InlineAlert>{failure}</InlineAlert>
            )}
            <div className="flex justify-end gap-2">
              <button type="button" className={buttonClasses("secondary")} onClick={() => setDecision(null)}>
                取消
              </button>
              <button
                type="button"
                disabled={busy}
                className={decision.kind === "approve" ? buttonClasses("primary") : buttonClasses("danger")}
                onClick={confirm}
              >
                {busy ? "正在提交…" : decision.kind === "approve" ? "确认批准并发送" : "确认驳回"}
              </button>
            </div>
          </div>
        )}
      </Dialog>
    </div>
  );
}
