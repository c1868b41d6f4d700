import { PUSH_STATUS_STYLES } from "@/lib/pushes/display";
import { PUSH_STATUS_LABELS } from "@/lib/validations/push-labels";
import type { PushRecord } from "@/lib/validations/push-record";

export function StatusBadge({ record }: { record: Pick<PushRecord, "status" | "is_test"> }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <span className={`rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${PUSH_STATUS_STYLES[record.status]}`}>
        {PUSH_STATUS_LABELS[record.status]}
      </span>
      {record.is_test && <span className="rounded bg-violet-100 px-1.5 py-0.5 text-xs font-medium text-violet-800">测试</span>}
    </span>
  );
}
