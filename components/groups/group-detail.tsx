import { GroupTypeBadge } from "@/components/groups/group-type-badge";
import { TagRuleChip } from "@/components/groups/tag-rule-chip";
import { buttonClasses } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { RetryableError } from "@/components/ui/retryable-error";
import { relationText } from "@/lib/groups/tag-rule";
import { formatChinaTime } from "@/lib/text/china-time";
import { formatCount } from "@/lib/text/count";
import { groupStatusText } from "@/lib/validations/group-labels";
import type { Group } from "@/lib/validations/group";
import type { ReactNode } from "react";

// /groups/[id]: one group, as found in the whole list the server keeps (the upstream has no detail
// call); or why it could not be shown. Rendered on the server: 重试 is a link that loads it again,
// fetching every group anew (?refresh=1) rather than hearing the failure the server keeps for a while.

const back = (
  <Link href="/groups" className="text-sm text-blue-700 hover:underline">
    ← 返回用户组
  </Link>
);

export function GroupLoadFailed({ id, message }: { id: number; message: string }) {
  return (
    <div className="space-y-4">
      {back}
      <RetryableError title="用户组加载失败" message={message} retryHref={`/groups/${id}?refresh=1`} />
    </div>
  );
}

/** fetched: when the list was fetched, as shown to people. */
export function GroupMissing({ id, fetched }: { id: number; fetched: string }) {
  return (
    <div className="space-y-4">
      {back}
      <EmptyState
        title={`找不到 ID 为 ${id} 的用户组`}
        action={
          <a href={`/groups/${id}?refresh=1`} className={buttonClasses()}>
            重新获取用户组再找
          </a>
        }
      >
        用户组列表获取于 {fetched}。如果这个组刚在传播通创建，请重新获取；否则请核对 ID。
      </EmptyState>
    </div>
  );
}

const dash = <span className="text-slate-400">—</span>;

/** `canSend`: whether this user may compose (the server checks again). */
export function GroupDetail({ group, fetched, canSend }: { group: Group; fetched: string; canSend: boolean }) {
  const fields: Array<[string, ReactNode]> = [
    [
      "ID",
      <span key="id" className="font-mono">
        {group.id}
      </span>,
    ],
    [
      "名称",
      <span key="title" className="break-all">
        {group.title}
      </span>,
    ],
    ["类型", <GroupTypeBadge key="type" type={group.type} />],
    ["所属部门", group.department ?? dash],
    [
      "状态",
      <span key="status" title={group.status === null ? undefined : `传播通 status ${group.status}`}>
        {groupStatusText(group.status)}
      </span>,
    ],
    ["人数（估计值）", group.pnum === null ? dash : formatCount(group.pnum)],
    ["操作人", group.operator ?? dash],
    ["操作时间（北京时间）", group.operate_time ?? dash],
  ];
  return (
    <div className="space-y-6">
      {back}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <h1 className="max-w-3xl text-xl font-semibold break-all">{group.title}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <CopyButton text={String(group.id)} label="复制 ID" />
          {canSend && (
            <Link href={`/compose?groups=${group.id}`} className={buttonClasses("primary")}>
              用此用户组创建推送
            </Link>
          )}
        </div>
      </div>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[10rem_1fr]">
        {fields.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="text-sm">{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="rules-heading" className="space-y-2">
        <h2 id="rules-heading" className="text-lg font-semibold">
          标签规则
        </h2>
        {group.tags.length === 0 ? (
          <p className="text-sm text-slate-600">这个用户组没有标签规则{group.type === 1 ? "（导入用户组按名单圈人）" : ""}。</p>
        ) : (
          <>
            <div
              role="region"
              aria-labelledby="rules-heading"
              tabIndex={0}
              className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
            >
              <table className="stack-table w-full text-sm">
                <thead>
                  <tr className="border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-600">
                    {["规则", "标签代码", "关系", "值 1", "值 2"].map((name) => (
                      <th key={name} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                        {name}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {group.tags.map((rule, i) => (
                    <tr key={`${rule.tag_code}-${i}`} className="border-b border-slate-100 last:border-0">
                      <th scope="row" data-label="规则" className="px-3 py-2 text-left font-normal">
                        <TagRuleChip rule={rule} />
                      </th>
                      <td data-label="标签代码" data-half className="px-3 py-2 font-mono text-xs">
                        {rule.tag_code}
                      </td>
                      <td data-label="关系" data-half className="px-3 py-2 whitespace-nowrap">
                        {relationText(rule.relational_symbols) ?? dash}
                      </td>
                      <td data-label="值 1" data-half className="px-3 py-2 whitespace-nowrap">
                        {rule.value1 ?? dash}
                      </td>
                      <td data-label="值 2" data-half className="px-3 py-2 whitespace-nowrap">
                        {rule.value2 ?? dash}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {/* Who made each rule and in which tenant: the vendor's ids, for whoever asks the vendor about a rule. */}
            <details className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
              <summary className="cursor-pointer text-slate-600">详情（规则的创建、更新记录和租户）</summary>
              <ul className="mt-2 divide-y divide-slate-100">
                {group.tags.map((rule, i) => (
                  <li key={`${rule.tag_code}-${i}`} className="py-2">
                    <TagRuleChip rule={rule} />
                    <dl className="mt-1 grid grid-cols-[6rem_1fr] gap-x-3 gap-y-0.5 text-xs">
                      <dt className="text-slate-500">创建时间</dt>
                      <dd className="tabular-nums">{rule.created_at === null ? dash : formatChinaTime(rule.created_at)}</dd>
                      <dt className="text-slate-500">创建人编号</dt>
                      <dd className="font-mono break-all">{rule.created_by ?? dash}</dd>
                      <dt className="text-slate-500">更新时间</dt>
                      <dd className="tabular-nums">{rule.updated_at === null ? dash : formatChinaTime(rule.updated_at)}</dd>
                      <dt className="text-slate-500">更新人编号</dt>
                      <dd className="font-mono break-all">{rule.updated_by ?? dash}</dd>
                      <dt className="text-slate-500">租户编号</dt>
                      <dd className="tabular-nums">{rule.tenant_id ?? dash}</dd>
                    </dl>
                  </li>
                ))}
              </ul>
            </details>
          </>
        )}
        <p className="text-xs text-slate-500">时间均为北京时间。用户组列表获取于 {fetched}。</p>
      </section>
    </div>
  );
}
