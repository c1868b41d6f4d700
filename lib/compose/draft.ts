import { emptyValues, type ComposeValues } from "@/lib/compose/values";
import type { Group } from "@/lib/validations/group";
import type { Push } from "@/lib/validations/push";

// The composer's draft in localStorage: what was typed, the groups chosen (so their names show at
// once), and the Idempotency-Keys of the real and the test send with what each was used for.

/** pending: sent, no answer yet (a reload mid-send leaves this); unknown: may or may not have gone out. */
export type SendOutcome = "none" | "pending" | "failed" | "unknown" | "sent";
export type Attempt = { key: string; body: string | null; outcome: SendOutcome };
/** What the server answered for a send: gone out (with the upstream request id), held for approval, or scheduled. */
export type SentResult = {
  id: string;
  status: "sent" | "pending_approval" | "scheduled";
  requestId: string | null;
  /** ISO 8601: when a scheduled push goes out. */
  scheduledAt?: string | null;
  sentAt: string;
  push: Push;
  groups: Group[];
};

export type Draft = {
  values: ComposeValues;
  groups: Group[];
  send: Attempt;
  test: Attempt;
  result: SentResult | null;
};

const STORAGE_KEY = "chuanbo-console.compose-draft.v1";

/** A v4 UUID; crypto.randomUUID exists only on secure origins, and an intranet console may be plain http. */
export function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const newAttempt = (): Attempt => ({ key: newKey(), body: null, outcome: "none" });

export function newDraft(values: ComposeValues = emptyValues(), groups: Group[] = []): Draft {
  return { values, groups, send: newAttempt(), test: newAttempt(), result: null };
}

export type AttemptPlan = { attempt: Attempt; kind: "send" } | { kind: "unsure" };

/**
 * Which key sends `body`: the same content reuses its key (the server replays instead of resending),
 * except after a definite failure, which sent nothing; changed content gets a new key only after a
 * definite answer. After an unknown outcome a changed push might be a second push, so the editor
 * must decide ("unsure").
 */
export function planAttempt(current: Attempt, body: string): AttemptPlan {
  // A definite failure sent nothing, and its key would only replay that failure: try afresh.
  if (current.outcome === "failed") return { kind: "send", attempt: { key: newKey(), body, outcome: "none" } };
  if (current.outcome === "none" || current.body === body) return { kind: "send", attempt: { ...current, body } };
  if (current.outcome === "sent") return { kind: "send", attempt: { key: newKey(), body, outcome: "none" } };
  return { kind: "unsure" };
}

export function loadDraft(storage: Storage = localStorage): Draft | null {
  try {
    const raw = storage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const stored = JSON.parse(raw) as Partial<Draft>;
    if (!stored || typeof stored !== "object" || !stored.values || !stored.send || !stored.test) return null;
    return {
      values: { ...emptyValues(), ...stored.values },
      groups: Array.isArray(stored.groups) ? stored.groups : [],
      send: stored.send,
      test: stored.test,
      result: stored.result ?? null,
    };
  } catch {
    // A draft from another version, or a full/blocked storage: start fresh rather than crash.
    return null;
  }
}

export function saveDraft(draft: Draft, storage: Storage = localStorage): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(draft));
  } catch {
    // Private mode or a full quota: the form still works, only the autosave is lost.
  }
}

export function clearDraft(storage: Storage = localStorage): void {
  try {
    storage.removeItem(STORAGE_KEY);
  } catch {
    // As above.
  }
}
