"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { ComposeForm } from "@/components/compose/compose-form";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { clearDraft, editSlot, loadDraft, newDraft, saveDraft, type Draft } from "@/lib/compose/draft";
import { baseOf, contentOf, pruneEditDrafts } from "@/lib/compose/edit-base";
import { findGroups } from "@/lib/compose/find-groups";
import { valuesFromPush } from "@/lib/compose/values";
import { EDIT_OTHERS_PUSH, editRefusal } from "@/lib/pushes/edit-rule";
import { fetchPush } from "@/lib/pushes/push-fetch";
import { formatChinaListTime } from "@/lib/text/china-time";
import { PUSH_STATUS_LABELS } from "@/lib/validations/push-labels";
import type { DraftStore } from "@/components/compose/use-compose-send";
import type { EditTarget } from "@/lib/compose/send-time-choice";
import type { PublicOptions } from "@/lib/validations/options";
import type { ReactNode } from "react";

// /compose?edit=<id>: a scheduled push, still waiting, opened in the composer with its content,
// groups and time; saving PATCHes the same record (the server checks author and state, audits it).
// The changes are kept in this browser as they are typed, in a slot of the record's own (the new-push
// draft is left as it was): leaving or reloading loses nothing, and opening 修改 again brings them
// back, as long as the record's content is as it was when they began (a time moved meanwhile is
// taken as it now is). Saving or 放弃修改 deletes them; those kept for pushes whose time is a month
// past go whenever a push is opened here (lib/compose/edit-base.ts).

type View =
  { kind: "loading" } | { kind: "error"; message: ReactNode } | { kind: "ready"; draft: Draft; edit: EditTarget; notice: string | null };

export function EditComposer({ id, options, username }: { id: string; options: PublicOptions; username: string }) {
  const router = useRouter();
  const [view, setView] = useState<View>({ kind: "loading" });
  const draftRef = useRef<Draft | null>(null);
  const slot = editSlot(id);
  const store = useMemo<DraftStore>(
    () => ({
      current: () => draftRef.current ?? newDraft(),
      update: (patch) => {
        draftRef.current = { ...(draftRef.current ?? newDraft()), ...patch };
        // Kept for what the editor changed, not for a test send's key: a kept slot means changes to bring back.
        if ("values" in patch || "groups" in patch || "time" in patch) saveDraft(draftRef.current, slot);
      },
    }),
    [slot],
  );

  useEffect(() => {
    pruneEditDrafts(Date.now(), id);
    const controller = new AbortController();
    (async () => {
      const record = await fetchPush(id, controller.signal);
      const refusal = editRefusal(record, username);
      // Refused before anything is typed (the server would refuse the save), and before any kept changes show.
      if (refusal === "not_author") return setView({ kind: "error", message: EDIT_OTHERS_PUSH });
      if (refusal || !record.scheduled_at) {
        // Sent or cancelled meanwhile: changes kept for it can no longer apply.
        clearDraft(slot);
        return setView({
          kind: "error",
          message: `这条推送已不在等待定时发送（现在是「${PUSH_STATUS_LABELS[record.status]}」），不能再修改。`,
        });
      }
      const edit = { id, scheduledAt: record.scheduled_at, quietHoursReason: record.quiet_hours_reason };
      const base = baseOf(record);
      const kept = loadDraft(slot);
      if (kept?.base === base) {
        draftRef.current = kept;
        return setView({ kind: "ready", draft: kept, edit, notice: "已恢复上次没有保存的修改。" });
      }
      if (kept && contentOf(kept.base) === contentOf(base)) {
        // Only its time moved since (修改时间, by a supervisor for one): the changes come back, at the record's new time.
        draftRef.current = { ...kept, time: null, base };
        saveDraft(draftRef.current, slot);
        const when = formatChinaListTime(record.scheduled_at);
        const notice = `已恢复上次没有保存的修改；定时时间在此期间已改为北京时间 ${when}，现以此为准。`;
        return setView({ kind: "ready", draft: draftRef.current, edit, notice });
      }
      // Its content changed since (saved from another tab): the kept changes were made to another version.
      if (kept) clearDraft(slot);
      const { found, missing } = await findGroups(record.body.chuanbo_group, controller.signal);
      draftRef.current = { ...newDraft({ ...valuesFromPush(record.body), chuanbo_group: found.map((g) => g.id) }, found), base };
      const notices = [
        kept ? "这条推送的内容在上次修改之后又保存过，上次没有保存的修改是对旧内容做的，不再恢复。" : null,
        missing.length ? `用户组 ${missing.map((g) => `#${g}`).join("、")} 已找不到，请重新选择。` : null,
      ];
      setView({ kind: "ready", draft: draftRef.current, edit, notice: notices.filter(Boolean).join("") || null });
    })().catch((error: Error) => {
      if (error.name !== "AbortError") setView({ kind: "error", message: `无法载入要修改的推送：${error.message}` });
    });
    return () => controller.abort();
  }, [id, slot, username]);

  const back = `/history/${encodeURIComponent(id)}`;
  // Saved, or the changes given up: they are no longer kept.
  const leave = () => {
    clearDraft(slot);
    router.push(back);
  };
  if (view.kind === "loading") return <p className="py-10 text-center text-sm text-slate-500">正在载入要修改的推送…</p>;
  if (view.kind === "error") {
    return (
      <Alert
        variant="error"
        title={view.message}
        action={
          <Link href={back} className={buttonClasses("secondary")}>
            回到推送记录
          </Link>
        }
      />
    );
  }
  return (
    <>
      <Alert variant="info" className="mb-4" title="正在修改一条定时推送">
        保存后替换这条推送的内容和时间（同一条记录，修改会记入审计日志）；它仍按定时发出。
        {view.notice}
      </Alert>
      <ComposeForm store={store} options={options} edit={view.edit} onRecorded={() => router.refresh()} onSent={leave} onClear={leave} />
    </>
  );
}
