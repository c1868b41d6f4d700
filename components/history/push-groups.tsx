import Link from "next/link";
import { formatCount } from "@/lib/compose/reach";
import { GROUP_TYPE_LABELS } from "@/lib/validations/group-labels";
import type { PushRecord } from "@/lib/validations/push-record";

// A push's groups by name, type and 人数 (resolved by the server from the group index); `#id` only for a
// group that no longer exists, or when the index could not be read.

/** `limit`: how many to show before 等 N 个用户组 (lists); all when absent (a record). */
export function PushGroups({ record, limit }: { record: Pick<PushRecord, "chuanbo_group" | "groups">; limit?: number }) {
  const refs = record.groups;
  if (!refs) {
    return (
      <span title="用户组名称暂时读不到（传播通没有回应），显示编号">
        {record.chuanbo_group.map((id) => `#${id}`).join("、")}
      </span>
    );
  }
  const shown = limit === undefined ? refs : refs.slice(0, limit);
  const more = refs.length - shown.length;
  return (
    <ul className="flex flex-col gap-0.5" aria-label="推送用户组">
      {shown.map((ref) => (
        <li key={ref.id} className="break-words">
          {"missing" in ref ? (
            <span className="text-slate-500">#{ref.id}（已不存在）</span>
          ) : (
            <>
              <Link href={`/groups/${ref.id}`} className="text-blue-700 hover:underline">
                {ref.title}
              </Link>
              <span className="text-xs whitespace-nowrap text-slate-500">
                {" · "}
                {GROUP_TYPE_LABELS[ref.type] ?? `类型 ${ref.type}`} · {ref.pnum === null ? "人数未知" : `${formatCount(ref.pnum)} 人`}
              </span>
            </>
          )}
        </li>
      ))}
      {more > 0 && <li className="text-xs text-slate-500">等共 {formatCount(refs.length)} 个用户组</li>}
    </ul>
  );
}

