import { ApprovalCard } from "@/components/admin/approval-card";
import type { PublicOptions } from "@/lib/validations/options";
import type { PushRecord } from "@/lib/validations/push-record";

/** 待审批's page of held pushes, rendered on the server; each card's two buttons are the browser's. */
export function ApprovalList(props: { records: PushRecord[]; me: string; filtered: boolean; options: PublicOptions }) {
  const { records, me, filtered, options } = props;
  if (records.length === 0) {
    return (
      // Focus comes here when the last card on the page was decided (approval-desk.tsx).
      <p data-approvals-empty tabIndex={-1} className="rounded-md border border-slate-200 bg-white p-6 text-center text-sm text-slate-600">
        {filtered ? "没有符合筛选条件的待审批推送。" : "现在没有等待审批的推送。"}
      </p>
    );
  }
  return (
    <ul className="space-y-3" aria-label="待审批推送">
      {records.map((record) => (
        <li key={record.id}>
          <ApprovalCard record={record} mine={record.sent_by === me} options={options} />
        </li>
      ))}
    </ul>
  );
}
