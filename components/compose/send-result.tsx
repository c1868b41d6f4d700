"use client";

import { PushContent } from "@/components/compose/push-content";
import { ReachSummary } from "@/components/compose/reach-summary";
import { buttonClasses } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { measureSms } from "@/lib/compose/sms";
import { formatChinaListTime, formatChinaTime } from "@/lib/text/china-time";
import { formatCount } from "@/lib/text/count";
import { NOTIFY_WAY_LABELS } from "@/lib/validations/push-labels";
import type { SentResult } from "@/lib/compose/draft";
import type { PublicOptions } from "@/lib/validations/options";

// After a send: what went out, to whom, and the way to the next one.

export function SendResult(props: { result: SentResult; options: PublicOptions | undefined; onAgain: () => void; onNew: () => void }) {
  const { result, options, onAgain, onNew } = props;
  const { push } = result;
  const segments =
    push.notify_way === 2
      ? measureSms(options?.smsSignatures.find((s) => s.id === push.msg_sign_id)?.text, push.msg_template).segments
      : undefined;
  const held = result.status === "pending_approval";
  const scheduled = result.scheduledAt ? `北京时间 ${formatChinaListTime(result.scheduledAt)}` : null;
  const title = held ? "已提交审批" : result.status === "scheduled" ? "已定时" : "✓ 已发送";
  return (
    <section
      aria-labelledby="result-heading"
      className={`mx-auto flex max-w-3xl flex-col gap-4 rounded-xl border bg-white p-6 ${held ? "border-amber-300" : "border-emerald-300"}`}
    >
      <div role="status" className="flex flex-col gap-1">
        <h2
          // Focused by the composer when the result replaces the form (focusWhenShown).
          id="result-heading"
          tabIndex={-1}
          className={`text-lg font-semibold outline-none ${held ? "text-amber-900" : "text-emerald-800"}`}
        >
          {title}：{NOTIFY_WAY_LABELS[push.notify_way]}“{push.name}”
        </h2>
        <p className="text-sm text-slate-600">
          {formatChinaTime(result.sentAt)}
          {` · ${held ? "批准后将发给" : result.status === "scheduled" ? "将发给" : "已发给"} ${formatCount(result.push.chuanbo_group.length)} 个用户组`}
          {held ? (
            ` · 这条推送需要另一位审核人批准后才会发出${scheduled ? `（定时 ${scheduled}，须在此前批准）` : ""}，批准或驳回后可在推送记录中看到结果。`
          ) : result.status === "scheduled" ? (
            ` · 将于${scheduled} 发出；发出前可在推送记录中取消或修改；关闭本页不影响发送。`
          ) : (
            <>
              {" "}
              · 请求编号 <code className="font-mono text-xs">{result.requestId}</code>
            </>
          )}
        </p>
      </div>
      <ReachSummary groups={result.groups} smsSegments={segments} />
      <PushContent push={push} groups={result.groups} options={options} />
      <div className="flex flex-wrap gap-3 border-t border-slate-100 pt-4">
        <button type="button" className={buttonClasses("primary")} onClick={onAgain}>
          再发一条
        </button>
        <button type="button" className={buttonClasses("secondary")} onClick={onNew}>
          新建空白推送
        </button>
        <Link href={`/history/${encodeURIComponent(result.id)}`} className={`${buttonClasses("ghost")} ml-auto`}>
          在推送记录中查看
        </Link>
      </div>
    </section>
  );
}
