"use client";

import { useDeferredValue, useState } from "react";
import { useWatch } from "react-hook-form";
import type { ComposeControl } from "@/components/compose/channel-fields";
import type { PublicOptions } from "@/lib/validations/options";

// What people will receive, redrawn as the editor types. Each preview watches only its own fields,
// and reads them deferred, so typing stays ahead of the drawing. 短信's and 语音's previews sit with
// their channel's fields (sms-channel.tsx, voice-channel.tsx).

export type PreviewProps = { control: ComposeControl; options: PublicOptions | undefined };

/** Where tapping the notification leads. */
export function linkDescription(linkType: number | undefined, content: string): string {
  const text = content.trim();
  if (linkType === 2) return text ? `打开稿件 ${text}` : "打开稿件（未填稿件 id）";
  if (linkType === 4) return text ? `查看通知：${text}` : "查看通知（未填通知内容）";
  return "打开应用首页";
}

export function NotificationPreview({ control }: PreviewProps) {
  const watched = useWatch({ control, name: ["push_title", "push_content", "push_icon", "link_type", "link_content"] });
  const [title, content, icon, linkType, linkContent] = useDeferredValue(watched);
  return (
    <figure
      aria-label="系统通知预览"
      className="rounded-[2rem] bg-gradient-to-b from-slate-700 to-slate-900 p-4 pb-8 text-white shadow-inner"
    >
      <p className="text-center text-4xl font-light tabular-nums" aria-hidden="true">
        09:41
      </p>
      <p className="mb-4 text-center text-xs text-slate-300" aria-hidden="true">
        锁屏
      </p>
      <div className="rounded-2xl bg-white/90 p-3 text-slate-900 backdrop-blur">
        <div className="mb-1 flex items-center gap-2 text-xs text-slate-500">
          <NotificationIcon url={icon.trim()} />
          <span className="font-medium">传播通</span>
          <span className="ml-auto">现在</span>
        </div>
        <p className="text-sm font-semibold wrap-anywhere">{title.trim() || <span className="text-slate-400">推送标题</span>}</p>
        <p className="line-clamp-4 text-sm wrap-anywhere whitespace-pre-line">
          {content.trim() || <span className="text-slate-400">推送内容</span>}
        </p>
      </div>
      <figcaption className="mt-2 text-center text-xs text-slate-300">点开后：{linkDescription(linkType, linkContent)}</figcaption>
    </figure>
  );
}

function NotificationIcon({ url }: { url: string }) {
  const [broken, setBroken] = useState<string | null>(null);
  if (!url || broken === url) {
    return <span aria-hidden="true" className="inline-block size-5 rounded bg-blue-700" />;
  }
  // A plain img: the icon lives on the vendor's CDN, whatever host that is.
  return <img src={url} alt="" className="size-5 rounded object-cover" onError={() => setBroken(url)} />;
}
