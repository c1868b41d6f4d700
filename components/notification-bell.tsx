"use client";

import Link from "next/link";
import { useState } from "react";
import { sendJson } from "@/lib/api/fetch-json";
import { notificationText } from "@/lib/pushes/notifications";
import { refreshNotifications, useNotifications } from "@/lib/pushes/notifications-poll";
import { formatChinaTime } from "@/lib/text/china-time";
import { formatCount } from "@/lib/text/count";

// 通知, for people who send: their pushes approved and sent, rejected (with the reason), expired or
// missed. The badge counts what came since they last opened the list; opening it reads them.

export function NotificationBell({ pollMs }: { pollMs: number }) {
  const data = useNotifications(pollMs);
  const [open, setOpen] = useState(false);
  const unread = data?.unread ?? 0;
  const toggle = () => {
    const newest = data?.items[0]?.at;
    if (!open && unread > 0 && newest)
      void sendJson("POST", "/api/notifications/seen", { until: newest }).then(refreshNotifications, () => {});
    setOpen(!open);
  };
  return (
    <div className="relative" onKeyDown={(e) => e.key === "Escape" && setOpen(false)}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="notification-list"
        onClick={toggle}
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
          {!data || data.items.length === 0 ? (
            <p className="p-2 text-sm text-slate-600">{data ? "暂无通知。推送获批、被驳回或过期时会显示在这里。" : "正在读取通知…"}</p>
          ) : (
            <ul className="flex max-h-96 flex-col overflow-y-auto">
              {data.items.map((item) => (
                <li key={item.id}>
                  <Link
                    href={`/history/${item.id}`}
                    onClick={() => setOpen(false)}
                    className="block rounded-md p-2 text-sm hover:bg-slate-100"
                  >
                    <span className="block break-words">{notificationText(item)}</span>
                    <span className="text-xs text-slate-500">{formatChinaTime(item.at)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
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
