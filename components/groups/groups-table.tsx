import { GroupTypeBadge } from "@/components/groups/group-type-badge";
import { LiveTable, PageCheckbox, RowCheckbox, SelectableRow } from "@/components/groups/groups-select";
import { HeaderRow, TableFrame } from "@/components/groups/groups-table-frame";
import { TagRuleList } from "@/components/groups/tag-rule-chip";
import { Link } from "@/components/ui/link";
import { formatChinaListTime } from "@/lib/text/china-time";
import { formatCount } from "@/lib/text/count";
import { groupStatusText } from "@/lib/validations/group-labels";
import type { Group } from "@/lib/validations/group";

// Rendered on the server; only the boxes that choose groups (and the busy state) run in the browser.

const dash = <span className="text-slate-400">—</span>;

export function GroupsTable({ groups }: { groups: readonly Group[] }) {
  return (
    <TableFrame Table={LiveTable}>
      <thead>
        <HeaderRow>
          <PageCheckbox groups={groups.map(({ id, title, pnum }) => ({ id, title, pnum }))} />
        </HeaderRow>
      </thead>
      <tbody>
        {groups.map((group) => (
          <SelectableRow key={group.id} id={group.id}>
            <RowCheckbox group={{ id: group.id, title: group.title, pnum: group.pnum }} />
            <td data-label="ID" data-half className="px-3 py-2 font-mono text-xs text-slate-600 tabular-nums">
              {group.id}
            </td>
            <th scope="row" data-label="名称" className="px-3 py-2 text-left font-medium">
              {/* Truncated to one line; the full title on hover (title) and when focused (it unwraps). */}
              <Link
                href={`/groups/${group.id}`}
                // Each detail is rendered from the server's whole list: not worth ten requests per page shown.
                prefetch={false}
                title={group.title}
                className="block max-w-[18rem] min-w-0 truncate text-blue-800 hover:underline focus:break-all focus:whitespace-normal"
              >
                {group.title}
              </Link>
            </th>
            <td data-label="类型" data-half className="px-3 py-2">
              <GroupTypeBadge type={group.type} />
            </td>
            <td data-label="所属部门" data-half className="px-3 py-2 whitespace-nowrap">
              {group.department ?? dash}
            </td>
            <td data-label="状态" data-half className="px-3 py-2 whitespace-nowrap">
              {groupStatusText(group.status)}
            </td>
            <td data-label="人数" data-half className="px-3 py-2 text-right tabular-nums">
              {group.pnum === null ? dash : formatCount(group.pnum)}
            </td>
            <td data-label="操作人" className="px-3 py-2 whitespace-nowrap">
              {group.operator ?? dash}
            </td>
            <td data-label="操作时间" className="px-3 py-2 whitespace-nowrap tabular-nums">
              {group.operate_time === null ? dash : formatChinaListTime(group.operate_time)}
            </td>
            <td data-label="标签规则" className="px-3 py-2 sm:min-w-[14rem]">
              <TagRuleList rules={group.tags} />
            </td>
          </SelectableRow>
        ))}
      </tbody>
    </TableFrame>
  );
}
