"use client";

import { useRouter } from "next/navigation";
import { createContext, startTransition, use, useEffect, useRef, useState, type ReactNode } from "react";
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
import type { Decision } from "@/components/admin/decision-dialog";
import type { Paging } from "@/lib/api/page";
import type { PushRecord } from "@/lib/validations/push-record";

// 待审批 in the browser: the filters and pages (in the URL), the decision asked in a dialog, and
// what came of it. The list itself is rendered on the server, between the filters and the pages.

// The dialog (with react-hook-form and the reject schema) loads right after the page, not with it.
const DecisionDialog = onDemand(() => import("@/components/admin/decision-dialog").then((m) => m.DecisionDialog));

/** What a card asks of the desk: to decide it, and whether it was decided here already. */
const Decide = createContext<{ decide: (decision: Decision) => void; decided: ReadonlySet<string> }>({
  decide: () => {},
  decided: new Set(),
});

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
 * count every page polls for the header moved, so the list renders again, without a reload.
 */
function useFollowQueue(pollMs: number) {
  const router = useRouter();
  const count = useNotifications(pollMs)?.awaitingApproval ?? null;
  const last = useRef(count);
  useEffect(() => {
    if (count === null) return;
    if (last.current !== null && last.current !== count) startTransition(() => router.refresh());
    last.current = count;
  }, [count, router]);
}

export function ApprovalDesk({ pagination, pollMs, children }: { pagination: Paging | null; pollMs: number; children: ReactNode }) {
  useFollowQueue(pollMs);
  const { params, go, pending } = useUrlParams();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // Decided here: its card offers nothing more while the list renders again without it.
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());
  // 驳回理由 typed, by record, until it is rejected: a dialog closed (Esc, or a push changed meanwhile) keeps it.
  const [reasons] = useState(() => new Map<string, string>());
  return (
    <Decide value={{ decide: setDecision, decided }}>
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
          reasons={reasons}
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
  const { decide, decided } = use(Decide);
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
