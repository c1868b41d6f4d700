import { Countdown } from "@/components/history/countdown";
import { PushGroups } from "@/components/history/push-groups";
import { StatusBadge } from "@/components/history/status-badge";
import { StackedCell, StackedRow, StackedTable } from "@/components/lists/stacked-table";
import { Link } from "@/components/ui/link";
import { waitsForTime } from "@/lib/pushes/actions";
import { formatRecordListTime, recordReachCell } from "@/lib/pushes/display";
import { personName } from "@/lib/text/person";
import { NOTIFY_WAY_LABELS } from "@/lib/validations/push-labels";
import type { PushRecord } from "@/lib/validations/push-record";

// /history's rows, rendered on the server; only a scheduled push's countdown ticks in the browser.

const COLUMNS = ["时间", "推送名字", "推送类型", "推送用户组", { label: "预计触达（人）", numeric: true }, "发送人", "状态"] as const;

export function HistoryTable({ records }: { records: PushRecord[] }) {
  return (
    <StackedTable caption="推送记录，最新的在前" columns={COLUMNS}>
      {records.map((record) => (
        <StackedRow key={record.id}>
          <StackedCell label="时间" className="tabular-nums sm:whitespace-nowrap">
            {formatRecordListTime(record.created_at)}
            {record.scheduled_at && (
              <span className="block text-xs text-indigo-800">
                定时 {formatRecordListTime(record.scheduled_at)}
                {waitsForTime(record) && (
                  <>
                    {" · "}
                    <Countdown at={record.scheduled_at} />
                  </>
                )}
              </span>
            )}
          </StackedCell>
          <StackedCell label="推送名字" className="sm:max-w-[16rem]">
            <Link
              href={`/history/${encodeURIComponent(record.id)}`}
              className="block font-medium break-words text-blue-700 hover:underline sm:truncate"
              title={record.name}
            >
              {record.name}
            </Link>
          </StackedCell>
          <StackedCell label="推送类型" className="sm:whitespace-nowrap">
            {NOTIFY_WAY_LABELS[record.notify_way]}
          </StackedCell>
          <StackedCell label="用户组">
            <PushGroups record={record} limit={2} />
          </StackedCell>
          <StackedCell label="预计触达（人）" numeric className="sm:whitespace-nowrap">
            {recordReachCell(record)}
          </StackedCell>
          <StackedCell label="发送人" className="sm:whitespace-nowrap">
            {personName(record.sent_by, record.names)}
          </StackedCell>
          <StackedCell label="状态">
            <StatusBadge record={record} />
          </StackedCell>
        </StackedRow>
      ))}
    </StackedTable>
  );
}
