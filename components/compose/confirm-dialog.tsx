"use client";

import { Reasons } from "@/components/compose/preflight-notice";
import { PushContent } from "@/components/compose/push-content";
import { ReachSummary } from "@/components/compose/reach-summary";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { mayConfirm, type PreflightView } from "@/lib/compose/preflight";
import { measureSms } from "@/lib/compose/sms";
import { formatChinaListTime } from "@/lib/text/china-time";
import { NOTIFY_WAY_LABELS } from "@/lib/validations/push-labels";
import type { Group } from "@/lib/validations/group";
import type { PublicOptions } from "@/lib/validations/options";
import type { Push } from "@/lib/validations/push";

// The last look before a push that cannot be taken back: what will really happen (sent, or held for
// a supervisor and why, as the server's preflight says), channel, groups, reach, the full content.
// Only 确认发送 / 提交审批 acts; focus starts on 返回修改 so a stray Enter does not. A refused draft
// cannot be confirmed.

export function ConfirmDialog(props: {
  push: Push;
  groups: readonly Group[];
  options: PublicOptions | undefined;
  /** The last send's outcome is unknown and the content has changed since. */
  unsure: boolean;
  /** 定时发送: when it goes out (ISO 8601); null: at once. */
  scheduledAt?: string | null;
  /** Sent inside 免打扰 anyway, for this reason. */
  quietHoursReason?: string;
  /** The server's verdict on this draft. */
  preflight: PreflightView;
  /** Changes a scheduled push (the same record) rather than sending a new one. */
  editing?: boolean;
  sending: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { push, groups, options, unsure, scheduledAt, quietHoursReason, preflight, editing, sending, onConfirm, onClose } = props;
  const when = scheduledAt ? `于北京时间 ${formatChinaListTime(scheduledAt)} ` : "";
  const segments =
    push.notify_way === 2
      ? measureSms(options?.smsSignatures.find((s) => s.id === push.msg_sign_id)?.text, push.msg_template).segments
      : undefined;
  const { verdict, checking } = preflight;
  const held = verdict?.kind === "hold";
  const refused = verdict?.kind === "refuse";
  const channel = NOTIFY_WAY_LABELS[push.notify_way];
  const what = `以${channel}发给 ${push.chuanbo_group.length} 个用户组，发出后无法撤回。${scheduledAt ? "发出前可在推送记录中取消。" : ""}`;
  const label = editing
    ? sending
      ? "正在保存…"
      : checking
        ? "正在检查发送规则…"
        : held
          ? "保存并提交审批"
          : "保存修改"
    : sending
      ? held
        ? "正在提交…"
        : "正在发送…"
      : checking
        ? "正在检查发送规则…"
        : held
          ? unsure
            ? "仍然作为新推送提交审批"
            : "提交审批"
          : unsure
            ? "仍然作为新推送发送"
            : scheduledAt
              ? "确认定时发送"
              : "确认发送";
  return (
    <Dialog
      open
      onClose={onClose}
      locked={sending}
      title={
        editing ? `确认修改定时推送：${channel}` : held ? `确认提交审批：${channel}` : `确认${scheduledAt ? "定时" : ""}发送${channel}`
      }
      footer={
        <>
          <button type="button" data-autofocus className={buttonClasses("secondary")} onClick={onClose} disabled={sending}>
            返回修改
          </button>
          {!refused && (
            <button
              type="button"
              className={unsure ? buttonClasses("danger") : buttonClasses("primary")}
              onClick={onConfirm}
              disabled={sending || !mayConfirm(preflight)}
            >
              {label}
            </button>
          )}
        </>
      }
    >
      <div className="flex flex-col gap-3">
        {refused ? (
          <Alert variant="error" title="这样不能发送">
            <Reasons reasons={verdict.reasons} />
            <span>请返回修改。</span>
          </Alert>
        ) : held ? (
          <Alert variant="warning" role="none" title="需要审核人批准后才会发出">
            <Reasons reasons={verdict.reasons} />
            <span>
              批准后{when ? `将${when}` : "将"}
              {what}
            </span>
            <ReachSummary groups={groups} smsSegments={segments} />
          </Alert>
        ) : (
          <Alert variant="warning" role="none" title={`${when ? `将${when}` : "将"}${what}`}>
            {verdict?.kind === "unavailable" && <span>暂时无法预先检查发送规则，是否需要审批由服务器在确认后判定。</span>}
            <ReachSummary groups={groups} smsSegments={segments} />
          </Alert>
        )}
        {quietHoursReason && <Alert variant="info">在免打扰时段内仍然发送，理由：{quietHoursReason}</Alert>}
        {unsure && (
          <Alert variant="error">
            上一次发送的结果不明（可能已经发出），而内容已经改过。如果上一条其实已发出，再发就是两条推送。请先向传播通平台或接收人核实；确认上一条没有发出，再作为新推送发送。
          </Alert>
        )}
        <PushContent push={push} groups={groups} options={options} />
      </div>
    </Dialog>
  );
}
