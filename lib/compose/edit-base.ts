import { clearDraft, editSlot, loadDraft } from "@/lib/compose/draft";
import type { PushRecord } from "@/lib/validations/push-record";

// What kept changes to a scheduled push (its own draft slot, lib/compose/draft.ts) were made to: the
// record's content and time as the changes began. Loaded with the edit composer only.

/** The record's content and time, as a draft's `base`. */
export const baseOf = (record: PushRecord) => JSON.stringify({ body: record.body, time: [record.scheduled_at, record.quiet_hours_reason] });

function parsed(base: string | undefined): { body?: unknown; time?: unknown[] } | null {
  try {
    return JSON.parse(base ?? "") as { body?: unknown; time?: unknown[] };
  } catch {
    return null;
  }
}

/** A base's content alone (a time moved since leaves the kept changes valid). */
export const contentOf = (base: string | undefined): string | null => JSON.stringify(parsed(base)?.body ?? null);

/** A month after the time they were made for, kept changes are dropped (below). */
export const KEEP_EDITS_MS = 30 * 24 * 3600_000;

/**
 * Kept changes to other scheduled pushes whose time, as the changes began, is over a month past: that
 * push went out, was missed or cancelled long ago (or was moved later and not opened for a month),
 * so they would never come back; on a desk's shared browser they would only linger. Also those
 * without a readable base. Run whenever a scheduled push is opened for changes: the keys removed.
 */
export function pruneEditDrafts(now: number, keep: string, storage: Storage = localStorage): string[] {
  const prefix = editSlot("");
  try {
    const slots = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter(
      (key): key is string => key !== null && key.startsWith(prefix) && key !== editSlot(keep),
    );
    const stale = slots.filter((slot) => {
      const at = Date.parse(String(parsed(loadDraft(slot, storage)?.base)?.time?.[0] ?? ""));
      return !(at > now - KEEP_EDITS_MS);
    });
    stale.forEach((slot) => clearDraft(slot, storage));
    return stale;
  } catch {
    // Storage blocked: nothing is kept either.
    return [];
  }
}
