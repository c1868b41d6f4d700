import { useEffect, useState } from "react";
import { fetchJson } from "@/lib/api/fetch-json";
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

type Answer = { key: string; data: Preflight | undefined; error: Error | null };

/**
 * The preflight of a draft (null: no groups yet), asked once the draft settles for 300 ms (again
 * each time: the sender's counts move with every push), and again whenever `round` moves (a send was
 * recorded, so the counts moved with the draft unchanged); the last answer stays while the next is
 * out, so the notice does not flicker as the editor types. A failed question is tried once more.
 */
export function usePreflight(draft: PreflightDraft | null, round = 0): PreflightState & { retry: () => void } {
  const settled = useSettled(draft, 300);
  const key = settled === null ? null : JSON.stringify(settled);
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    const ask = (tries: number): Promise<Preflight> =>
      fetchPreflight(JSON.parse(key) as PreflightDraft, controller.signal).catch((error: Error) => {
        if (tries > 1 || controller.signal.aborted) throw error;
        return ask(tries + 1);
      });
    ask(1).then(
      (data) => setAnswer({ key, data, error: null }),
      (error: Error) => {
        if (!controller.signal.aborted) setAnswer({ key, data: undefined, error });
      },
    );
    return () => controller.abort();
  }, [key, attempt, round]);
  // The answer for this draft, or (while its question is out) the one before.
  const current = answer?.key === key && answer !== null;
  return {
    asked: draft !== null,
    stale: JSON.stringify(settled) !== JSON.stringify(draft) || (!current && answer?.data !== undefined),
    pending: !current && answer?.data === undefined,
    data: answer?.data,
    error: current ? answer.error : null,
    retry: () => {
      setAnswer((prev) => (prev ? { ...prev, key: "" } : prev));
      setAttempt((n) => n + 1);
    },
  };
}
