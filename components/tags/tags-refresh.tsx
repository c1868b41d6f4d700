"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { RefreshControl } from "@/components/groups/refresh-control";
import { fetchJson } from "@/lib/api/fetch-json";

/**
 * 刷新 on /tags: the server re-crawls every group (GET /api/tags?refresh=1), then the page renders
 * again from the index it now holds. A failure is said beside the button; the tags shown stay.
 */
export function TagsRefresh({ fetchedAt }: { fetchedAt: string }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<Error | null>(null);
  const mutate = () =>
    startTransition(async () => {
      setError(null);
      try {
        await fetchJson("/api/tags?refresh=1");
      } catch (failure) {
        setError(failure as Error);
        return;
      }
      startTransition(() => router.refresh());
    });
  return <RefreshControl fetchedAt={fetchedAt} refresh={{ mutate, isPending, error }} />;
}
