"use client";

import { useState } from "react";
import { onDemand } from "@/components/ui/on-demand";
import { refreshNotifications, useNotifications } from "@/lib/pushes/notifications-poll";
import { formatCount } from "@/lib/text/count";

// 通知, for people who send: their pushes approved and sent, rejected (with the reason), expired or
// missed. The badge counts what came since they last opened the list; opening it reads them. Every
// page carries only the count's poll and the button; the list's code comes when it is first wanted.

const loadList = () => import("@/components/notification-list").then((m) => m.NotificationList);
const NotificationList = onDemand(loadList, <p className="p-2 text-sm text-slate-600">正在读取通知…</p>);

export function NotificationBell({ pollMs }: { pollMs: number }) {
  const data = useNotifications(pollMs);
  const [open, setOpen] = useState(false);
  const unread = data?.unread ?? 0;
  const toggle = () => {
    const newest = data?.items[0]?.at;
    // Plain fetch, JSON as every write must be (lib/server/auth/same-origin.ts): the API helpers are not on every page.
    if (!open && unread > 0 && newest)
      void fetch("/api/notifications/seen", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ until: newest }),
      }).then(refreshNotifications, () => {});
    setOpen(!open);
  };
  return (
    <div className="relative" onKeyDown={(e) => e.key === "Escape" && setOpen(false)}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="notification-list"
        onClick={toggle}
        // Fetched on the way to a click, so the list rarely waits for its code.
        onPointerEnter={() => void loadList()}
        onFocus={() => void loadList()}
        className="flex items-center gap-1 rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-200"
      >
        通知
        {unread > 0 && (
          <span className="rounded-full bg-red-700 px-1.5 text-xs text-white tabular-nums">
            {formatCount(unread)}
            <span className="sr-only"> 条未读</span>
          </span>
        )}
      </button>
      {open && (
        <section
          id="notification-list"
          aria-label="通知"
          // Under the header across a narrow screen (the button sits mid-row there); below the button on a wide one.
          className="fixed inset-x-4 z-20 mt-1 rounded-lg border border-slate-200 bg-white p-2 shadow-lg sm:absolute sm:inset-x-auto sm:right-0 sm:w-96"
        >
          <NotificationList items={data?.items ?? null} onPick={() => setOpen(false)} />
        </section>
      )}
    </div>
  );
}

/** The 待审批 link's count, for supervisors. */
export function ApprovalCount({ pollMs }: { pollMs: number }) {
  const count = useNotifications(pollMs)?.awaitingApproval ?? 0;
  if (count === 0) return null;
  return (
    <span className="ml-1 rounded-full bg-red-700 px-1.5 text-xs text-white tabular-nums">
      {formatCount(count)}
      <span className="sr-only"> 条等待审批</span>
    </span>
  );
}
