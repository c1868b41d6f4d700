import { PUSH_STATUS_STYLES, recordStatusLabel } from "@/lib/pushes/display";
import type { PushRecord } from "@/lib/validations/push-record";

export function StatusBadge({ record }: { record: Pick<PushRecord, "status" | "is_test"> & Partial<Pick<PushRecord, "settled_by">> }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <span className={`rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${PUSH_STATUS_STYLES[record.status]}`}>
        {recordStatusLabel(record)}
      </span>
      {record.is_test && <span className="rounded bg-violet-100 px-1.5 py-0.5 text-xs font-medium text-violet-800">测试</span>}
    </span>
  );
}
