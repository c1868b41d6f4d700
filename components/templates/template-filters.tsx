"use client";

import { useEffect, useEffectEvent, useId, useRef, useState, type ReactNode } from "react";
import { ListUpdating } from "@/components/lists/list-updating";
import { useUrlParams } from "@/components/lists/use-url-params";
import { Pagination } from "@/components/ui/pagination";
import { Select } from "@/components/ui/select";
import { TextInput } from "@/components/ui/text-input";
import { NOTIFY_WAY_LABELS, NOTIFY_WAYS } from "@/lib/validations/push-labels";
import type { Paging } from "@/lib/api/page";

// /templates' search, channel and pages, in the URL; the list between them is rendered on the server.
// Words apply after a pause in typing (a request per pause, not per keystroke), the channel at once.

const TYPING_PAUSE_MS = 250;

export function TemplateFilters({ pagination, children }: { pagination: Paging | null; children: ReactNode }) {
  const id = useId();
  const { params, go, pending } = useUrlParams();
  const q = params.get("q") ?? "";
  const [typed, setTyped] = useState(q);
  const sent = useRef(q);

  // Back/forward or a link changed q: show it.
  useEffect(() => {
    if (q !== sent.current) {
      sent.current = q;
      setTyped(q);
    }
  }, [q]);

  const onPause = useEffectEvent(() => {
    if (typed === sent.current) return;
    sent.current = typed;
    // In place of the last entry: Back goes to the page before the search, not through each pause.
    go({ q: typed, page: undefined }, "replace");
  });
  useEffect(() => {
    const timer = setTimeout(onPause, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-2">
        <label htmlFor={`${id}-q`} className="sr-only">
          搜索模板
        </label>
        <TextInput
          id={`${id}-q`}
          type="search"
          placeholder="按名称或内容搜索"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          className="min-w-0 flex-1"
        />
        <label htmlFor={`${id}-way`} className="sr-only">
          推送类型
        </label>
        <Select
          id={`${id}-way`}
          placeholder="全部类型"
          className="w-auto"
          options={NOTIFY_WAYS.map((way) => ({ value: way, label: NOTIFY_WAY_LABELS[way] }))}
          value={params.get("notify_way") ?? ""}
          onChange={(e) => go({ notify_way: e.target.value, page: undefined })}
        />
      </div>
      <ListUpdating pending={pending}>{children}</ListUpdating>
      {pagination && pagination.pages > 1 && (
        <Pagination label="模板分页" {...pagination} busy={pending} onPageChange={(current) => go({ page: current })} />
      )}
    </div>
  );
}
