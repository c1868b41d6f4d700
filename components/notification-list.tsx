"use client";

import { Link } from "@/components/ui/link";
import { notificationText, type NotificationItem } from "@/lib/pushes/notifications";
import { formatChinaListTime } from "@/lib/text/china-time";

/** What 通知 lists when opened: loaded on demand (components/notification-bell.tsx), not with every page. */
export function NotificationList({ items, onPick }: { items: NotificationItem[] | null; onPick: () => void }) {
  if (!items || items.length === 0)
    return (
      <p className="p-2 text-sm text-slate-600">
        {items ? "暂无通知。推送获批、被驳回、过期，或定时推送失败、被他人改时间或取消时，会显示在这里。" : "正在读取通知…"}
      </p>
    );
  return (
    <ul className="flex max-h-96 flex-col overflow-y-auto">
      {items.map((item) => (
        <li key={item.id}>
          <Link href={`/history/${item.id}`} onClick={onPick} className="block rounded-md p-2 text-sm hover:bg-slate-100">
            <span className="block wrap-anywhere">{notificationText(item)}</span>
            <span className="text-xs text-slate-500">{formatChinaListTime(item.at)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
