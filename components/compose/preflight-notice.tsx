"use client";

import { forwardRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { PreflightView } from "@/lib/compose/preflight";

// What the server will do with the draft, under the chosen groups: held for approval and why, or
// refused and what to do instead. A push that simply goes out needs no box; a refusal for its time
// is told by the 发送时间 section. Focusable, so 发送… on a refused draft can bring the editor here.

export const PreflightNotice = forwardRef<HTMLDivElement, { view: PreflightView; onRetry: () => void }>(function PreflightNotice(
  { view, onRetry },
  ref,
) {
  const { checking, verdict } = view;
  let body = null;
  if (verdict?.kind === "hold") {
    body = (
      <Alert variant="warning" role="status" title="需要审核人批准后才会发出">
        <Reasons reasons={verdict.reasons} />
        <span>确认时将提交审批；批准前不会发出。</span>
      </Alert>
    );
  } else if (verdict?.kind === "refuse" && !verdict.byTime) {
    body = (
      <Alert variant="error" role="status" title="这样不能发送">
        <Reasons reasons={verdict.reasons} />
      </Alert>
    );
  } else if (verdict?.kind === "unavailable") {
    body = (
      <Alert variant="info" role="status" title="暂时无法预先检查发送规则" action={<Button onClick={onRetry}>重新检查</Button>}>
        {verdict.message} 确认发送时仍由服务器判定是否需要审批。
      </Alert>
    );
  } else if (verdict?.kind === "send") {
    body = <p className="text-sm text-slate-600">按发送规则，无需审批即可发出。</p>;
  }
  if (!body && !checking) return null;
  // Checking again keeps the last answer in place, dimmed, until the new one replaces it: a line
  // that came and went above 推送类型 moved it under the pointer, and a click landed elsewhere. The
  // first check's line is as tall as the usual answer (无需审批即可发出), which then takes its place.
  return (
    <div
      ref={ref}
      tabIndex={-1}
      aria-busy={checking}
      className={`flex flex-col gap-1 outline-none ${checking && body ? "opacity-60" : ""}`}
      data-testid="preflight"
    >
      {body ?? (
        <p role="status" className="text-sm text-slate-500">
          正在检查发送规则…
        </p>
      )}
    </div>
  );
});

export function Reasons({ reasons }: { reasons: readonly string[] }) {
  if (reasons.length === 1) return <span>{reasons[0]}</span>;
  return (
    <ul className="list-disc pl-5">
      {reasons.map((reason) => (
        <li key={reason}>{reason}</li>
      ))}
    </ul>
  );
}
