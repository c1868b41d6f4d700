import { fetchJson, sendJson } from "@/lib/api/fetch-json";
import type { Push } from "@/lib/validations/push";
import type { PushRecord } from "@/lib/validations/push-record";
import type { SettleInput } from "@/lib/validations/settle";

// The calls about one push: the composer calls them as they are, the record page through useChange.

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

const path = (id: string, action: string) => `/api/pushes/${encodeURIComponent(id)}/${action}`;

/** 取消定时推送 (its author, or a supervisor with a reason when it is someone else's). */
export const cancelPush = ({ id, reason }: { id: string; reason?: string }) =>
  sendJson<PushRecord>("POST", path(id, "cancel"), reason ? { reason } : {});

/** 修改时间: the same record, only its time (its author or a supervisor). */
export const moveScheduledTime = ({ id, scheduledAt, quietHoursReason }: { id: string; scheduledAt: string; quietHoursReason?: string }) =>
  sendJson<PushRecord>("POST", path(id, "reschedule"), {
    scheduled_at: scheduledAt,
    ...(quietHoursReason ? { quiet_hours_reason: quietHoursReason } : {}),
  });

/** 撤回 (its author, while it waits for approval). */
export const withdrawPush = (id: string) => sendJson<PushRecord>("POST", path(id, "withdraw"), {});

/** 核实结果不明: what the vendor confirmed, with a note. */
export const settlePush = ({ id, input }: { id: string; input: SettleInput }) => sendJson<PushRecord>("POST", path(id, "settle"), input);
