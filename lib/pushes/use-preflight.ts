import { fetchJson } from "@/lib/api/fetch-json";
import { useAnswer } from "@/lib/api/use-answer";
import { useSettled } from "@/lib/api/use-settled";
import type { PreflightState } from "@/lib/compose/preflight";
import type { Preflight } from "@/lib/validations/push-record";

// POST /api/pushes/preflight: what the server would do with the draft now (send, hold, refuse) and
// why, asked as soon as the groups, channel and time are chosen, so the composer never guesses.

/** The draft as the policy reads it: channel, groups, 消息类型, and the send time. */
export type PreflightDraft = {
  notify_way: number;
  chuanbo_group: number[];
  chuanbo_type_id?: number;
  scheduled_at?: string;
  quiet_hours_reason?: string;
  /** The scheduled push this draft changes (the composer's edit mode). */
  rescheduling?: string;
};

export function fetchPreflight(draft: PreflightDraft, signal?: AbortSignal): Promise<Preflight> {
  return fetchJson<Preflight>("/api/pushes/preflight", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(draft),
    signal,
  });
}

/**
 * The preflight of a draft (null: no groups yet), asked once the draft settles for 300 ms (again
 * each time: the sender's counts move with every push), and again whenever `round` moves (a send was
 * recorded, so the counts moved with the draft unchanged); the last answer stays while the next is
 * out, so the notice does not flicker as the editor types. A failed question is tried once more.
 */
export function usePreflight(draft: PreflightDraft | null, round = 0): PreflightState & { retry: () => void } {
  const settled = useSettled(draft, 300);
  const { answer, current, retrying, retry } = useAnswer(
    settled === null ? null : { key: JSON.stringify([settled, round]), ask: (signal) => fetchPreflight(settled, signal) },
    () => true,
  );
  return {
    asked: draft !== null,
    stale: JSON.stringify(settled) !== JSON.stringify(draft) || (!current && answer?.data !== undefined),
    // 重试 after a failure: checking again, the failure no longer said.
    pending: (!current || retrying) && answer?.data === undefined,
    data: answer?.data,
    error: answer !== null && current && !retrying ? answer.error : null,
    retry,
  };
}
