"use client";

import { useEffect } from "react";
import { TAGS_HEADING_ID } from "@/components/groups/heading-ids";
import { RefreshControl } from "@/components/groups/refresh-control";
import { focusWhenShown } from "@/components/ui/focus";
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

/** On the page 重试 loaded (/tags?refresh=1): focus on the heading, above the tags or the new failure, not <body>. */
export function FocusTagsHeading() {
  useEffect(() => focusWhenShown(() => document.getElementById(TAGS_HEADING_ID)), []);
  return null;
}
