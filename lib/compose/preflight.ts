import type { Preflight } from "@/lib/validations/push-record";

// What the composer makes of the server's preflight (POST /api/pushes/preflight): the last verdict,
// and whether an answer for the draft as it is now is still on its way.

export type Verdict =
  | { kind: "send" }
  | { kind: "hold"; reasons: string[] }
  /** `byTime`: refused for its time (too soon, 免打扰): the 发送时间 section says why and offers the way out. */
  | { kind: "refuse"; reasons: string[]; byTime: boolean }
  /** The preflight could not be asked: the server decides at 确认. */
  | { kind: "unavailable"; message: string };

export type PreflightView = { checking: boolean; verdict: Verdict | null };

export type PreflightState = {
  /** Groups are chosen, so there is a draft to ask about. */
  asked: boolean;
  /** The draft changed and its question is not yet out, or the answer shown is for the draft before. */
  stale: boolean;
  pending: boolean;
  data: Preflight | undefined;
  error: Error | null;
};

export function preflightView({ asked, stale, pending, data, error }: PreflightState): PreflightView {
  if (!asked) return { checking: false, verdict: null };
  const checking = stale || pending;
  if (!data) return { checking, verdict: error && !checking ? { kind: "unavailable", message: error.message } : null };
  if (data.decision === "send") return { checking, verdict: { kind: "send" } };
  if (data.decision === "hold") return { checking, verdict: { kind: "hold", reasons: data.reasons } };
  const byTime = data.code === "quiet_hours" || data.fields?.scheduled_at !== undefined;
  return { checking, verdict: { kind: "refuse", reasons: data.reasons, byTime } };
}

/** 确认 is possible: the answer is in for this draft, and it is not a refusal. */
export const mayConfirm = (view: PreflightView) => !view.checking && view.verdict?.kind !== "refuse";

/** Submitting stops at the composer (no dialog) for a refusal it shows, one that is not about the time. */
export const stopsAtComposer = (view: PreflightView) => !view.checking && view.verdict?.kind === "refuse" && !view.verdict.byTime;
