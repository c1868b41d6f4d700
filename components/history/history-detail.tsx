import { PushContent } from "@/components/compose/push-content";
import { UnknownOutcome, WithdrawAction } from "@/components/history/follow-up-actions";
import { PushGroups } from "@/components/history/push-groups";
import { ScheduledActions } from "@/components/history/record-actions";
import { RecordRefresh } from "@/components/history/record-refresh";
import { SaveRecordTemplate } from "@/components/history/save-record-template";
import { StatusBadge } from "@/components/history/status-badge";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { waitsForTime } from "@/lib/pushes/actions";
import { formatRecordTime, RECORD_STATUS_ID, recordReachText, recordStatusLabel } from "@/lib/pushes/display";
import { personWithAccount } from "@/lib/text/person";
import { cancelledExplanation, PUSH_STATUS_EXPLANATIONS } from "@/lib/validations/push-labels";
import type { Viewer } from "@/components/history/scheduled-actions";
import type { PublicOptions } from "@/lib/validations/options";
import type { PushRecord } from "@/lib/validations/push-record";

// One record: exactly what was sent, what the upstream said, and a way to send it again as a new push.
// Rendered on the server (app/(console)/history/[id]/page.tsx); only the actions run in the browser,
// and each renders the page again from the server once it has changed the record.

/**
 * `canSend` (compose, save templates) and `canSettle` (record an unknown outcome): decided on the
 * server from the user's roles, which it checks again on every request.
 */
/** An unknown outcome's message is the console's own (said once in the alert above), not the vendor's. */
const consoleOwnMessage = (record: PushRecord) => (record.status === "unknown" || !!record.settled_by) && record.upstream_code === null;

/** 核实 in the record's details: what was confirmed, by whom, when, and how. */
function settledText(record: PushRecord): string | null {
  if (!record.settled_by) return null;
  const who = personWithAccount(record.settled_by, record.names);
  return `${recordStatusLabel(record)}，${who}，${formatRecordTime(record.settled_at)} 核实。说明：${record.settle_note ?? ""}`;
}

export function HistoryDetail(props: { record: PushRecord; options: PublicOptions; canSend: boolean; canSettle: boolean; viewer: Viewer }) {
  const { record, options, canSend, canSettle, viewer } = props;
  const who = (username: string | null) => personWithAccount(username, record.names);
  const explanation =
    record.status === "cancelled" && record.cancelled_by
      ? cancelledExplanation(who(record.cancelled_by), record.cancel_reason)
      : PUSH_STATUS_EXPLANATIONS[record.status];
  return (
    <article aria-labelledby="record-heading" className="flex flex-col gap-4">
      <RecordRefresh record={record} />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h1 id="record-heading" className="text-xl font-semibold wrap-anywhere">
            {record.name}
          </h1>
          <StatusBadge record={record} />
        </div>
        {canSend && (
          <div className="flex flex-wrap gap-2">
            <SaveRecordTemplate record={record} />
            <Link href={`/compose?from=${encodeURIComponent(record.id)}`} className={buttonClasses("primary")}>
              复制为新推送
            </Link>
          </div>
        )}
      </div>
      {waitsForTime(record) && <ScheduledActions record={record} viewer={viewer} limits={options.schedule} />}
      <WithdrawAction record={record} username={viewer.username} />
      {explanation && (
        <Alert id={RECORD_STATUS_ID} tabIndex={-1} variant={record.status === "cancelled" ? "info" : "warning"} role="none">
          {explanation}
        </Alert>
      )}
      <UnknownOutcome record={record} canSettle={canSettle} />
      <section aria-label="发送情况" className="rounded-xl border border-slate-200 bg-white p-5">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          {[
            ["创建时间", formatRecordTime(record.created_at)],
            ...(record.scheduled_at ? [["定时", formatRecordTime(record.scheduled_at)]] : []),
            ...(record.rescheduled_by && record.rescheduled_by !== record.sent_by
              ? [["改时间", `${who(record.rescheduled_by)}，${formatRecordTime(record.rescheduled_at)}`]]
              : []),
            ...(record.cancelled_by
              ? [
                  [
                    "取消",
                    `${who(record.cancelled_by)}，${formatRecordTime(record.cancelled_at)}${record.cancel_reason ? `：${record.cancel_reason}` : ""}`,
                  ],
                ]
              : []),
            ...(record.quiet_hours_reason ? [["免打扰", `在免打扰时段内仍然发送，理由：${record.quiet_hours_reason}`]] : []),
            ["完成时间", formatRecordTime(record.finished_at)],
            ["发送人", who(record.sent_by)],
            ...(record.approved_by ? [["审批人", `${who(record.approved_by)}，${formatRecordTime(record.approved_at)} 批准`]] : []),
            ...(record.rejected_by
              ? [["驳回", `${who(record.rejected_by)}，${formatRecordTime(record.rejected_at)}：${record.reject_reason ?? "未写理由"}`]]
              : []),
            ...(record.settled_by ? [["核实", settledText(record)]] : []),
            ["触达", recordReachText(record)],
            // A failure's reason is the vendor's own sentence; a success's "success" says nothing (it is under 详情).
            ...(record.status === "failed" && record.upstream_message && !consoleOwnMessage(record)
              ? [["失败原因", record.upstream_message]]
              : []),
          ].map(([label, value]) => (
            <div key={label} className="flex gap-2">
              <dt className="w-20 shrink-0 text-slate-500">{label}</dt>
              <dd className="min-w-0 wrap-anywhere">{value}</dd>
            </div>
          ))}
        </dl>
        <details className="mt-3 border-t border-slate-100 pt-3 text-sm">
          <summary className="cursor-pointer text-slate-600">详情</summary>
          <dl className="mt-2 grid gap-y-2">
            {[
              [
                "上游返回",
                record.upstream_message === null || consoleOwnMessage(record)
                  ? "—"
                  : `${record.upstream_message}${record.upstream_code === null ? "" : `（code ${record.upstream_code}）`}`,
              ],
              ["请求编号", record.request_id ?? "—"],
              ["记录编号", record.id],
            ].map(([label, value]) => (
              <div key={label} className="flex gap-2">
                <dt className="w-20 shrink-0 text-slate-500">{label}</dt>
                <dd className="min-w-0 font-mono text-xs break-all">{value}</dd>
              </div>
            ))}
          </dl>
        </details>
      </section>
      <section aria-labelledby="body-heading" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="body-heading" className="mb-2 text-base font-semibold">
          发送的内容
        </h2>
        <PushContent push={record.body} groupList={<PushGroups record={record} />} options={options} />
      </section>
    </article>
  );
}
