import { formatCount, reachOf, reachText, smsMessages } from "@/lib/compose/reach";
import type { Group } from "@/lib/validations/group";

// 预计触达 N 人, and for SMS how many messages that bills.

export function ReachSummary({ groups, smsSegments }: { groups: readonly Group[]; smsSegments?: number }) {
  const reach = reachOf(groups);
  return (
    <p className="text-sm text-slate-700" aria-label="触达人数">
      <span className="font-medium">{reachText(reach)}</span>
      {reach.groups > 1 && <span className="text-slate-500">（用户组之间可能有重叠）</span>}
      {smsSegments !== undefined && smsSegments > 0 && reach.people > 0 && (
        <span className="block text-slate-600">
          预计短信 {formatCount(smsMessages(smsSegments, reach))} 条（{smsSegments} 条/人 × {formatCount(reach.people)} 人
          {reach.unknownGroups > 0 ? "，人数未知的用户组未计入" : ""}）
        </span>
      )}
    </p>
  );
}
