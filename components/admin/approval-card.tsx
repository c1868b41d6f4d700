import { DecideButtons } from "@/components/admin/approval-desk";
import { HoldReasons } from "@/components/admin/hold-reasons";
import { PushContent } from "@/components/compose/push-content";
import { PushGroups } from "@/components/history/push-groups";
import { recordReachText } from "@/lib/pushes/display";
import { formatChinaListTime } from "@/lib/text/china-time";
import { personName } from "@/lib/text/person";
import { zh } from "@/lib/text/zh";
import { NOTIFY_WAY_LABELS } from "@/lib/validations/push-labels";
import type { PublicOptions } from "@/lib/validations/options";
import type { PushRecord } from "@/lib/validations/push-record";

export type DecisionKind = "approve" | "reject";

/** One held push as a supervisor weighs it: who, how many people, the content; the author may not decide. */
export function ApprovalCard(props: { record: PushRecord; mine: boolean; options: PublicOptions | undefined }) {
  const { record, mine, options } = props;
  return (
    <article aria-label={record.name} data-approval={record.id} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        {/* Focus comes here once the card before it is decided (approval-desk.tsx). */}
        <h2 tabIndex={-1} className="text-base font-semibold wrap-anywhere">
          {record.name}
        </h2>
        <span className="rounded bg-slate-100 px-2 py-0.5 text-xs">{NOTIFY_WAY_LABELS[record.notify_way]}</span>
        <span className="text-sm font-medium text-amber-800">{recordReachText(record)}</span>
        <span className="text-sm text-slate-500">
          {zh`${personName(record.sent_by, record.names)}提交于${formatChinaListTime(record.created_at)}`}
          {/* Changed since (保存修改, 修改时间): a decision is on the content as it is now. */}
          {record.rescheduled_at &&
            zh`，${personName(record.rescheduled_by, record.names)}修改于${formatChinaListTime(record.rescheduled_at)}`}
        </span>
      </header>
      <HoldReasons reasons={record.hold_reasons} />
      <div className="mt-3">
        <PushContent push={record.body} groupList={<PushGroups record={record} />} options={options} />
      </div>
      <footer className="mt-4 flex flex-wrap items-center gap-2">
        {mine ? <p className="text-sm text-slate-600">这是你提交的推送，需由另一位审核人审批。</p> : <DecideButtons record={record} />}
      </footer>
    </article>
  );
}
