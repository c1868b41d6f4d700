"use client";

import Link from "next/link";
import { buttonStyles } from "@/components/compose/button-styles";
import { PushContent } from "@/components/compose/push-content";
import { ReachSummary } from "@/components/compose/reach-summary";
import type { SentResult } from "@/lib/compose/draft";
import { measureSms } from "@/lib/compose/sms";
import type { PublicOptions } from "@/lib/validations/options";
import { NOTIFY_WAY_LABELS } from "@/lib/validations/push-labels";

// After a send: what went out, to whom, and the way to the next one.

export function SendResult(props: {
  result: SentResult;
  options: PublicOptions | undefined;
  onAgain: () => void;
  onNew: () => void;
}) {
  const { result, options, onAgain, onNew } = props;
  const { push } = result;
  const segments =
    push.notify_way === 2 ? measureSms(options?.smsSignatures.find((s) => s.id === push.msg_sign_id)?.text, push.msg_template).segments : undefined;
  return (
    <section aria-labelledby="result-heading" className="mx-auto flex max-w-3xl flex-col gap-4 rounded-xl border border-emerald-300 bg-white p-6">
      <div role="status" className="flex flex-col gap-1">
        <h2 id="result-heading" className="text-lg font-semibold text-emerald-800">
          ✓ 已发送：{NOTIFY_WAY_LABELS[push.notify_way]}“{push.name}”
        </h2>
        <p className="text-sm text-slate-600">
          {new Date(result.sentAt).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false })} · 请求编号{" "}
          <code className="font-mono text-xs">{result.requestId}</code>
        </p>
      </div>
      <ReachSummary groups={result.groups} smsSegments={segments} />
      <PushContent push={push} groups={result.groups} options={options} />
      <div className="flex flex-wrap gap-3 border-t border-slate-100 pt-4">
        <button type="button" className={buttonStyles.primary} onClick={onAgain}>
          再发一条
        </button>
        <button type="button" className={buttonStyles.secondary} onClick={onNew}>
          新建空白推送
        </button>
        <Link href={`/history/${encodeURIComponent(result.id)}`} className={`${buttonStyles.quiet} ml-auto`}>
          在推送记录中查看
        </Link>
      </div>
    </section>
  );
}
