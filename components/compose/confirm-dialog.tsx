"use client";

import { PushContent } from "@/components/compose/push-content";
import { ReachSummary } from "@/components/compose/reach-summary";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { measureSms } from "@/lib/compose/sms";
import { formatChinaTime } from "@/lib/text/china-time";
import { NOTIFY_WAY_LABELS } from "@/lib/validations/push-labels";
import type { Group } from "@/lib/validations/group";
import type { PublicOptions } from "@/lib/validations/options";
import type { Push } from "@/lib/validations/push";

// The last look before a push that cannot be taken back: channel, groups, reach, the full content.
// Only 确认发送 sends; focus starts on 返回修改 so a stray Enter does not.

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
  sending: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { push, groups, options, unsure, scheduledAt, quietHoursReason, sending, onConfirm, onClose } = props;
  const when = scheduledAt ? `将于北京时间 ${formatChinaTime(scheduledAt).slice(0, 16)} ` : "将";
  const segments =
    push.notify_way === 2
      ? measureSms(options?.smsSignatures.find((s) => s.id === push.msg_sign_id)?.text, push.msg_template).segments
      : undefined;
  return (
    <Dialog
      open
      onClose={onClose}
      locked={sending}
      title={`确认${scheduledAt ? "定时" : ""}发送${NOTIFY_WAY_LABELS[push.notify_way]}`}
      footer={
        <>
          <button type="button" data-autofocus className={buttonClasses("secondary")} onClick={onClose} disabled={sending}>
            返回修改
          </button>
          <button
            type="button"
            className={unsure ? buttonClasses("danger") : buttonClasses("primary")}
            onClick={onConfirm}
            disabled={sending}
          >
            {sending ? "正在发送…" : unsure ? "仍然作为新推送发送" : scheduledAt ? "确认定时发送" : "确认发送"}
          </button>
        </>
      }
    >
      <div className="flex flex-col gap-3">
        <Alert
          variant="warning"
          role="none"
          title={`${when}以${NOTIFY_WAY_LABELS[push.notify_way]}发给 ${push.chuanbo_group.length} 个用户组，发出后无法撤回。${scheduledAt ? "发出前可在推送记录中取消。" : ""}`}
        >
          <ReachSummary groups={groups} smsSegments={segments} />
        </Alert>
        {quietHoursReason && <Alert variant="info">在免打扰时段内仍然发送，理由：{quietHoursReason}</Alert>}
        {unsure && (
          <Alert variant="error">
            上一次发送的结果不明（可能已经发出），而内容已经改过。如果上一条其实已发出，再发就是两条推送。请先到推送记录核实；确认上一条没有发出，再作为新推送发送。
          </Alert>
        )}
        <PushContent push={push} groups={groups} options={options} />
      </div>
    </Dialog>
  );
}
