"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { focusWhenShown } from "@/components/ui/focus";
import { onDemand } from "@/components/ui/on-demand";
import { useChange } from "@/lib/api/use-change";
import { settleRefusal, waitsForTime, withdrawRefusal } from "@/lib/pushes/actions";
import { RECORD_STATUS_ID } from "@/lib/pushes/display";
import { withdrawPush } from "@/lib/pushes/push-fetch";
import { MAY_HAVE_GONE } from "@/lib/pushes/unknown-outcome";
import type { PushRecord } from "@/lib/validations/push-record";

// After a push was recorded: 撤回 (its author, while it waits for approval) and 核实结果 (an unknown
// outcome, by an editor or supervisor). Offered when lib/pushes/actions.ts, which the server asks
// too, would allow it.

const SettleDialog = onDemand(() => import("@/components/history/settle-dialog").then((m) => m.SettleDialog));
// The 撤回 question: mounted (closed) with the button, so it is fetched as soon as the page is up.
const WithdrawDialog = onDemand(() => import("@/components/history/withdraw-dialog").then((m) => m.WithdrawDialog));

/** 撤回, asked first in a dialog naming the push, as 取消定时发送 is; a scheduled push waiting for approval has that instead. */
export function WithdrawAction({ record, username }: { record: PushRecord; username: string }) {
  const withdraw = useChange(withdrawPush);
  const [asking, setAsking] = useState(false);
  if (withdrawRefusal(record, username) || waitsForTime(record)) {
    // The record, rendered again after a refusal (decided meanwhile), can no longer be withdrawn: why, alone.
    return withdraw.error ? <Alert variant="error">{withdraw.error.message}</Alert> : null;
  }
  const confirm = async () => {
    // Done: the record renders again, withdrawn, and its status says so.
    if (await withdraw.mutate(record.id)) focusWhenShown(() => document.getElementById(RECORD_STATUS_ID));
  };
  return (
    <Alert
      variant="info"
      role="none"
      title="这条推送正在等待审核人批准"
      action={
        <Button
          onClick={() => {
            withdraw.reset();
            setAsking(true);
          }}
        >
          撤回
        </Button>
      }
    >
      <p>批准前，你可以撤回它。</p>
      <WithdrawDialog
        name={record.name}
        open={asking}
        withdraw={withdraw}
        onClose={() => setAsking(false)}
        onConfirm={() => void confirm()}
      />
    </Alert>
  );
}

/** The unknown outcome, said once, and 核实结果 for those who may record it. */
export function UnknownOutcome({ record, canSettle }: { record: PushRecord; canSettle: boolean }) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  if (done) {
    return (
      <Alert id="settle-done" tabIndex={-1} variant="success">
        {done}
      </Alert>
    );
  }
  if (record.status !== "unknown") return null;
  return (
    <>
      <Alert
        variant="warning"
        role="none"
        title="结果不明"
        action={settleRefusal(record, canSettle) === null && <Button onClick={() => setOpen(true)}>核实结果</Button>}
      >
        <p>{record.upstream_message ?? MAY_HAVE_GONE}</p>
      </Alert>
      <SettleDialog
        record={open ? record : null}
        onClose={() => setOpen(false)}
        onDone={(message) => {
          setOpen(false);
          setDone(message);
          // 核实结果 goes with the dialog: focus goes to what was recorded.
          focusWhenShown(() => document.getElementById("settle-done"));
        }}
      />
    </>
  );
}
