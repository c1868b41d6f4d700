"use client";

import { RefreshControl } from "@/components/groups/refresh-control";
import { fetchJson } from "@/lib/api/fetch-json";
import { useChange } from "@/lib/api/use-change";

const recrawl = () => fetchJson("/api/tags?refresh=1");

/**
 * 刷新 on /tags: the server re-crawls every group (GET /api/tags?refresh=1), then the page renders
 * again from the index it now holds. A failure is said beside the button; the tags shown stay.
 */
export function TagsRefresh({ fetchedAt }: { fetchedAt: string }) {
  const refresh = useChange(recrawl);
  return (
    <RefreshControl
      fetchedAt={fetchedAt}
      refresh={{ mutate: () => void refresh.mutate(), isPending: refresh.isPending, error: refresh.error }}
    />
  );
}
