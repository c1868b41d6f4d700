"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { TextInput } from "@/components/ui/text-input";
import { useCancelPush, useReschedulePush } from "@/lib/pushes/pushes-query";
import { chinaLocalInputToIso, countdownText, toChinaLocalInput } from "@/lib/pushes/schedule";
import { formatChinaTime } from "@/lib/text/china-time";
import type { PushRecord } from "@/lib/validations/push-record";

// A push waiting for its time: when it goes out and how long until then; its author or a
// supervisor may cancel it, its author may move it here, or change its content and time in the
// composer (/compose?edit=<id>, the same record).

export type Viewer = { username: string; supervisor: boolean };

export const isWaiting = (record: Pick<PushRecord, "status" | "scheduled_at">) =>
  record.scheduled_at !== null && (record.status === "scheduled" || record.status === "pending_approval");

/** 还有 5 分钟, ticking every second. */
export function Countdown({ at }: { at: string }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return <span className="tabular-nums">{countdownText(new Date(at), now)}</span>;
}

export function ScheduledActions({ record, viewer }: { record: PushRecord; viewer: Viewer }) {
  const cancel = useCancelPush();
  const move = useReschedulePush();
  const [asking, setAsking] = useState(false);
  const [local, setLocal] = useState(() => (record.scheduled_at ? toChinaLocalInput(new Date(record.scheduled_at)) : ""));
  if (!isWaiting(record) || !record.scheduled_at) return null;
  const author = record.sent_by === viewer.username;
  const error = cancel.error ?? move.error;
  return (
    <Alert
      variant="info"
      role="none"
      title={`定时发送：北京时间 ${formatChinaTime(record.scheduled_at).slice(0, 16)}`}
      action={
        (author || viewer.supervisor) &&
        (asking ? (
          <>
            <button type="button" className={buttonClasses("danger")} disabled={cancel.isPending} onClick={() => cancel.mutate(record.id)}>
              {cancel.isPending ? "正在取消…" : "确认取消，不发送"}
            </button>
            <button type="button" className={buttonClasses("ghost")} onClick={() => setAsking(false)}>
              不取消
            </button>
          </>
        ) : (
          <button type="button" className={buttonClasses("secondary")} onClick={() => setAsking(true)}>
            取消定时发送
          </button>
        ))
      }
    >
      <p>
        <Countdown at={record.scheduled_at} />
        {record.status === "pending_approval" ? "；须在此前获审核人批准，否则不会发出。" : "。到时控制台须在运行。"}
      </p>
      {author && (
        <p className="mt-2">
          <Link href={`/compose?edit=${encodeURIComponent(record.id)}`} className={buttonClasses("secondary")}>
            修改内容和时间
          </Link>
        </p>
      )}
      {author && (
        <form
          className="mt-2 flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const iso = chinaLocalInputToIso(local);
            if (iso) move.mutate({ id: record.id, push: record.body, scheduledAt: iso });
          }}
        >
          <Field id="reschedule_at" label="改到（北京时间）" className="sm:max-w-xs">
            <TextInput type="datetime-local" value={local} onChange={(e) => setLocal(e.target.value)} />
          </Field>
          <button type="submit" className={buttonClasses("secondary")} disabled={move.isPending || !chinaLocalInputToIso(local)}>
            {move.isPending ? "正在保存…" : "修改时间"}
          </button>
        </form>
      )}
      {error && (
        <Alert variant="error" className="mt-2">
          {error.message}
        </Alert>
      )}
    </Alert>
  );
}
