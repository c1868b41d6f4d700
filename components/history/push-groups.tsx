import { Link } from "@/components/ui/link";
import { formatCount } from "@/lib/compose/reach";
import { GROUP_TYPE_LABELS } from "@/lib/validations/group-labels";
import type { PushGroupRef, PushRecord } from "@/lib/validations/push-record";

// A push's groups by name, type and 人数 (resolved by the server from the group index); `#id` only for a
// group that no longer exists, or when the index could not be read.

function GroupItem({ group }: { group: PushGroupRef }) {
  if ("missing" in group) return <li className="wrap-anywhere text-slate-500">#{group.id}（已不存在）</li>;
  return (
    <li className="wrap-anywhere">
      <Link
        href={`/groups/${group.id}`}
        className="text-blue-700 underline decoration-blue-300 underline-offset-2 hover:decoration-blue-700"
      >
        {group.title}
      </Link>
      <span className="text-xs whitespace-nowrap text-slate-500">
        {" · "}
        {GROUP_TYPE_LABELS[group.type] ?? `类型 ${group.type}`} · {group.pnum === null ? "人数未知" : `${formatCount(group.pnum)} 人`}
      </span>
    </li>
  );
}

/** The first `limit` groups, the rest behind a disclosure: 50 groups never make a page thousands of pixels tall. */
export function PushGroups({ record, limit = 5 }: { record: Pick<PushRecord, "chuanbo_group" | "groups">; limit?: number }) {
  const refs = record.groups;
  if (!refs) {
    return <span title="用户组名称暂时读不到（传播通没有回应），显示编号">{record.chuanbo_group.map((id) => `#${id}`).join("、")}</span>;
  }
  const rest = refs.slice(limit);
  return (
    <div className="flex flex-col gap-0.5">
      <ul className="flex flex-col gap-0.5" aria-label="推送用户组">
        {refs.slice(0, limit).map((ref) => (
          <GroupItem key={ref.id} group={ref} />
        ))}
      </ul>
      {rest.length > 0 && (
        <details>
          <summary className="cursor-pointer text-xs text-slate-600">
            共 {formatCount(refs.length)} 个用户组，展开其余 {formatCount(rest.length)} 个
          </summary>
          <ul className="mt-0.5 flex flex-col gap-0.5" aria-label="其余推送用户组">
            {rest.map((ref) => (
              <GroupItem key={ref.id} group={ref} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
