"use client";

import { useRouter } from "next/navigation";
import { createContext, startTransition, use, useEffect, useEffectEvent, useState, type ReactNode } from "react";
import { CHANNEL_FILTER } from "@/components/lists/channel-filter";
import { DAY_RANGE, FilterBar } from "@/components/lists/filter-bar";
import { ListUpdating } from "@/components/lists/list-updating";
import { useUrlParams } from "@/components/lists/use-url-params";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { focusWhenShown } from "@/components/ui/focus";
import { onDemand } from "@/components/ui/on-demand";
import { Pagination } from "@/components/ui/pagination";
import { useNotifications } from "@/lib/pushes/notifications-poll";
import type { Decision, Kept } from "@/components/admin/decision-dialog";
import type { Paging } from "@/lib/api/page";
import type { PushRecord } from "@/lib/validations/push-record";

// 待审批 in the browser: the filters and pages (in the URL), the decision asked in a dialog, and
// what came of it. The list itself is rendered on the server, between the filters and the pages.

// The dialog (with react-hook-form and the reject schema) loads right after the page, not with it.
const DecisionDialog = onDemand(() => import("@/components/admin/decision-dialog").then((m) => m.DecisionDialog));

/**
 * What a card asks of the desk: to decide it, and whether it was decided here already; and where it
 * notes its version (`rescheduled_at`) as this page first showed it. The list renders again on its own
 * (the queue moved, a decision made): a push changed meanwhile is still decided on the version first
 * shown, so the server refuses it (409 push_changed) and says so, rather than the new one passing unread.
 */
type Desk = { decide: (decision: Decision) => void; decided: ReadonlySet<string>; kept: Kept };
// Always provided: the cards are rendered inside the desk.
const Decide = createContext<Desk>(null as never);

/**
 * Where focus goes once `id` is decided (its buttons and the dialog are gone): the heading of the next
 * card still waiting, else of the one before; with none left on the page, what the page says once the
 * list has rendered again (a card from the next page, or why the list is empty).
 */
function afterDecided(id: string, decided: ReadonlySet<string>) {
  return () => {
    const cards = [...document.querySelectorAll<HTMLElement>("[data-approval]")];
    const at = cards.findIndex((card) => card.dataset.approval === id);
    const waiting = cards.filter((card) => card.dataset.approval !== id && !decided.has(card.dataset.approval ?? ""));
    const card = waiting.find((other) => cards.indexOf(other) > at) ?? waiting.at(-1);
    if (card) return card.querySelector<HTMLElement>("h2");
    return at < 0 ? document.querySelector<HTMLElement>("[data-approvals-empty]") : null;
  };
}

/**
 * The queue changed elsewhere (a push held, withdrawn, or decided by another supervisor): the 待审批
 * count every page polls for the header differs from the one this list was rendered with
 * (`waiting`), so the list renders again, without a reload. Asked when the polled count moves: a
 * list rendered again meanwhile (after a decision here) brings its own count and is not asked twice.
 */
function useFollowQueue(pollMs: number, waiting: number) {
  const router = useRouter();
  const count = useNotifications(pollMs)?.awaitingApproval ?? null;
  const follow = useEffectEvent((polled: number) => {
    if (polled !== waiting) startTransition(() => router.refresh());
  });
  useEffect(() => {
    if (count !== null) follow(count);
  }, [count]);
}

type DeskProps = {
  pagination: Paging | null;
  /** NOTIFICATIONS_POLL_SECONDS, and the 待审批 count (not the viewer's own) the list was rendered with. */
  pollMs: number;
  waiting: number;
  children: ReactNode;
};

export function ApprovalDesk({ pagination, pollMs, waiting, children }: DeskProps) {
  useFollowQueue(pollMs, waiting);
  const { params, go, pending } = useUrlParams();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // Decided here: its card offers nothing more while the list renders again without it.
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());
  // By record: 驳回理由 typed until it is rejected (a dialog closed, by Esc or a push changed meanwhile,
  // keeps it), and its version as first shown.
  const [kept] = useState<Kept>(() => ({ reasons: new Map(), shown: new Map() }));
  return (
    <Decide value={{ decide: setDecision, decided, kept }}>
      <div className="space-y-4">
        <FilterBar
          label="筛选待审批推送"
          params={params}
          onApply={go}
          fields={[
            CHANNEL_FILTER,
            { name: "sent_by", label: "提交人", kind: "text", placeholder: "姓名或用户名", maxLength: 64 },
            ...DAY_RANGE,
          ]}
        />
        {done && <Alert variant="success">{done}</Alert>}
        <ListUpdating pending={pending}>{children}</ListUpdating>
        {pagination && pagination.pages > 1 && (
          <Pagination label="待审批分页" {...pagination} busy={pending} onPageChange={(current) => go({ page: current })} />
        )}
        <DecisionDialog
          decision={decision}
          kept={kept}
          onClose={() => setDecision(null)}
          onDone={(message) => {
            setDone(message);
            if (decision) {
              setDecided((ids) => new Set(ids).add(decision.record.id));
              focusWhenShown(afterDecided(decision.record.id, decided));
            }
            setDecision(null);
          }}
        />
      </div>
    </Decide>
  );
}

/** 批准并发送 and 驳回 on a card, each asked again in the desk's dialog; once decided, just that. */
export function DecideButtons({ record }: { record: PushRecord }) {
  const { decide, decided, kept } = use(Decide);
  useEffect(() => {
    if (!kept.shown.has(record.id)) kept.shown.set(record.id, record.rescheduled_at);
  }, [kept, record]);
  if (decided.has(record.id)) return <p className="text-sm text-slate-600">已处理，列表正在更新…</p>;
  return (
    <>
      <button type="button" className={buttonClasses("primary")} onClick={() => decide({ record, kind: "approve" })}>
        批准并发送
      </button>
      <button type="button" className={buttonClasses("secondary")} onClick={() => decide({ record, kind: "reject" })}>
        驳回
      </button>
    </>
  );
}
