import { nameOf } from "@/lib/compose/option-names";
import { measureSms } from "@/lib/compose/sms";
import { estimateSpeakingSeconds, formatDuration } from "@/lib/compose/voice";
import { formatCount } from "@/lib/text/count";
import { LINK_TYPE_LABELS, NOTIFY_WAY_LABELS } from "@/lib/validations/push-labels";
import type { Group } from "@/lib/validations/group";
import type { PublicOptions } from "@/lib/validations/options";
import type { Push } from "@/lib/validations/push";
import type { ReactNode } from "react";

// Everything a push carries, under the vendor's Chinese names: the confirmation, the result view and
// a history record all show exactly this, so what is confirmed is what is recorded.

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[6.5rem_1fr] gap-2 py-1.5">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="text-sm wrap-anywhere whitespace-pre-wrap text-slate-900">{children}</dd>
    </div>
  );
}

export function groupLabel(id: number, groups: readonly Group[] | undefined): string {
  const group = groups?.find((g) => g.id === id);
  return group ? `${group.title}（#${id}）` : `#${id}`;
}

/** A few groups by name; many as a count, the names behind 查看全部 (fifty names are a wall of text). */
function GroupNames({ ids, groups }: { ids: readonly number[]; groups: readonly Group[] | undefined }) {
  if (ids.length <= GROUPS_SHOWN) return <>{ids.map((id) => groupLabel(id, groups)).join("、")}</>;
  return (
    <details>
      <summary className="cursor-pointer">
        {ids
          .slice(0, 2)
          .map((id) => groupLabel(id, groups))
          .join("、")}{" "}
        等 {formatCount(ids.length)} 个用户组<span className="ml-2 text-xs text-blue-700">查看全部</span>
      </summary>
      <span className="mt-1 block">{ids.map((id) => groupLabel(id, groups)).join("、")}</span>
    </details>
  );
}

const GROUPS_SHOWN = 5;

/** `groupList`: the groups as the page shows them (a record: by name, type and 人数), instead of name（#id）. */
export function PushContent({
  push,
  groups,
  groupList,
  options,
}: {
  push: Push;
  groups?: readonly Group[];
  groupList?: ReactNode;
  options: PublicOptions | undefined;
}) {
  const signature = push.notify_way === 2 ? options?.smsSignatures.find((s) => s.id === push.msg_sign_id) : undefined;
  const sms = push.notify_way === 2 ? measureSms(signature?.text, push.msg_template) : undefined;
  return (
    <dl className="divide-y divide-slate-100">
      <Row label="推送类型">{NOTIFY_WAY_LABELS[push.notify_way]}</Row>
      <Row label="推送名字">{push.name}</Row>
      <Row label="推送用户组">{groupList ?? <GroupNames ids={push.chuanbo_group} groups={groups} />}</Row>
      <Row label="部门">{nameOf(options?.sections, push.section_id)}</Row>
      <Row label="消息类型">{nameOf(options?.types, push.chuanbo_type_id)}</Row>
      {push.chuanbo_directive_id !== undefined && <Row label="传播指令">{nameOf(options?.directives, push.chuanbo_directive_id)}</Row>}
      {push.task_tag !== undefined && <Row label="推送标签">{push.task_tag}</Row>}
      {push.notify_way === 1 && (
        <>
          <Row label="推送标题">{push.push_title}</Row>
          <Row label="推送内容">{push.push_content}</Row>
          {push.push_icon !== undefined && <Row label="消息图标">{push.push_icon}</Row>}
          {push.link_type !== undefined && (
            <Row label="链接">
              {LINK_TYPE_LABELS[push.link_type]}：{push.link_content}
            </Row>
          )}
        </>
      )}
      {push.notify_way === 2 && sms && (
        <>
          <Row label="短信签名">{signature ? `【${signature.text}】` : `#${push.msg_sign_id}`}</Row>
          <Row label="短信全文">
            {sms.text}
            <span className="mt-1 block text-xs text-slate-500">
              {sms.length} 字，计 {sms.segments} 条短信
            </span>
          </Row>
        </>
      )}
      {push.notify_way === 3 && (
        <Row label="语音模板">
          {push.voice_content}
          <span className="mt-1 block text-xs text-slate-500">预计播报{formatDuration(estimateSpeakingSeconds(push.voice_content))}</span>
        </Row>
      )}
    </dl>
  );
}
