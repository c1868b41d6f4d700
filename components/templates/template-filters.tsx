"use client";

import { useEffect, useEffectEvent, useRef, useState, type ReactNode } from "react";
import { ListUpdating } from "@/components/lists/list-updating";
import { useUrlParams } from "@/components/lists/use-url-params";
import { TemplateSearchFields } from "@/components/templates/template-search-fields";
import { Pagination } from "@/components/ui/pagination";
import type { Paging } from "@/lib/api/page";

// /templates' search, channel and pages, in the URL; the list between them is rendered on the server.
// Words apply after a pause in typing (a request per pause, not per keystroke), the channel at once.

const TYPING_PAUSE_MS = 250;

export function TemplateFilters({ pagination, children }: { pagination: Paging | null; children: ReactNode }) {
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
      <TemplateSearchFields
        typed={typed}
        onTyped={setTyped}
        way={params.get("notify_way") ?? ""}
        onWay={(way) => go({ notify_way: way, page: undefined })}
      />
      <ListUpdating pending={pending}>{children}</ListUpdating>
      {pagination && pagination.pages > 1 && (
        <Pagination label="模板分页" {...pagination} busy={pending} onPageChange={(current) => go({ page: current })} />
      )}
    </div>
  );
}
