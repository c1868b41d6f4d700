import { emptyValues, type ComposeValues } from "@/lib/compose/values";
import type { SendTimeChoice } from "@/lib/compose/send-time-choice";
import type { Group } from "@/lib/validations/group";
import type { Push } from "@/lib/validations/push";

// The composer's draft in localStorage: what was typed, the groups chosen (so their names show at
// once), 发送时间 as chosen, and the Idempotency-Keys of the real and the test send with what each
// was used for. Each person's new push has a slot (a browser at a newsroom's desk is shared: one
// editor's draft is not the next one's, and comes back when its author signs in again); a scheduled
// push being changed has its own, per record (only its author may change it).

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
  /** 发送时间 as chosen; null: the form's own start (立即, or a changed push's recorded time). */
  time: SendTimeChoice | null;
  /** A changed push's slot: the record as it was when the changes began (they apply to that only). */
  base?: string;
};

/** Where a draft is kept: a person's new push, or one per scheduled push being changed. */
export const newPushSlot = (username: string) => `chuanbo-console.compose-draft.v2:${username}`;
export const editSlot = (id: string) => `chuanbo-console.compose-edit.v1:${id}`;

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
  return { values, groups, send: newAttempt(), test: newAttempt(), result: null, time: null };
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

/** Until v2 the new push's draft was the browser's, whoever had signed in (./draft-work adopts it). */
export const SHARED_DRAFT_SLOT = "chuanbo-console.compose-draft.v1";

export function hasSharedDraft(storage: Storage = localStorage): boolean {
  try {
    return storage.getItem(SHARED_DRAFT_SLOT) !== null;
  } catch {
    return false;
  }
}

export function loadDraft(slot: string, storage: Storage = localStorage): Draft | null {
  try {
    const raw = storage.getItem(slot);
    if (!raw) return null;
    const stored = JSON.parse(raw) as Partial<Draft>;
    if (!stored || typeof stored !== "object" || !stored.values || !stored.send || !stored.test) return null;
    return {
      values: { ...emptyValues(), ...stored.values },
      groups: Array.isArray(stored.groups) ? stored.groups : [],
      send: stored.send,
      test: stored.test,
      result: stored.result ?? null,
      time: stored.time ?? null,
      ...(typeof stored.base === "string" ? { base: stored.base } : {}),
    };
  } catch {
    // A draft from another version, or a full/blocked storage: start fresh rather than crash.
    return null;
  }
}

export function saveDraft(draft: Draft, slot: string, storage: Storage = localStorage): void {
  try {
    storage.setItem(slot, JSON.stringify(draft));
  } catch {
    // Private mode or a full quota: the form still works, only the autosave is lost.
  }
}

export function clearDraft(slot: string, storage: Storage = localStorage): void {
  try {
    storage.removeItem(slot);
  } catch {
    // As above.
  }
}
