import { sendJson } from "@/lib/api/fetch-json";
import type { PushRecord } from "@/lib/validations/push-record";
import type { SettleInput } from "@/lib/validations/settle";

// The calls that change one push, without react-query: the record page's islands call them through
// useChange; pushes-query.ts wraps the same calls in useMutation for the pages that cache.

const path = (id: string, action: string) => `/api/pushes/${encodeURIComponent(id)}/${action}`;

/** 取消定时推送 (its author or a supervisor). */
export const cancelPush = (id: string) => sendJson<PushRecord>("POST", path(id, "cancel"), {});

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
