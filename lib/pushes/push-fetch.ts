import { fetchJson, sendJson } from "@/lib/api/fetch-json";
import type { Push } from "@/lib/validations/push";
import type { PushRecord } from "@/lib/validations/push-record";

// The push record's fetchers without react-query, so a page that does not cache on the client
// (the composer) can call them without shipping it; pushes-query.ts wraps them for the pages that do.

/** One record, exactly as it was sent. */
export function fetchPush(id: string, signal?: AbortSignal): Promise<PushRecord> {
  return fetchJson<PushRecord>(`/api/pushes/${encodeURIComponent(id)}`, { signal });
}

/** 修改定时推送: the same record, its content and time replaced (PATCH; the server checks author and state). */
export function savePushEdit({
  id,
  push,
  scheduledAt,
  quietHoursReason,
}: {
  id: string;
  push: Push;
  scheduledAt: string;
  quietHoursReason?: string;
}): Promise<PushRecord> {
  return sendJson<PushRecord>("PATCH", `/api/pushes/${encodeURIComponent(id)}`, {
    ...push,
    scheduled_at: scheduledAt,
    ...(quietHoursReason ? { quiet_hours_reason: quietHoursReason } : {}),
  });
}
