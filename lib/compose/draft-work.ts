import { clearDraft, loadDraft, newDraft, saveDraft, SHARED_DRAFT_SLOT, type Draft } from "@/lib/compose/draft";

// What in a draft is the editor's work: asked before a link's preset replaces it, and before a draft
// from the browser's old shared slot is handed to someone. Loaded only when either happens.

/** Whether a draft holds anything the editor chose or typed (its channel alone is no work to lose). */
export function holdsWork(draft: Draft): boolean {
  const { notify_way: _channel, ...chosen } = draft.values;
  return Object.values(chosen).some((v) => (Array.isArray(v) ? v.length > 0 : typeof v === "string" ? v.trim() !== "" : v != null));
}

/**
 * A draft kept before drafts were each person's goes to the first person to open the composer whose
 * own draft holds nothing (as it would have gone before), so no typed work is lost with the upgrade:
 * its words, groups and time, with keys of their own (the server keys sends per person). A draft
 * whose send began (under way, unknown or done) may have gone out: it is handed to nobody. One that
 * meets someone with work of their own waits for the next.
 */
export function adoptSharedDraft(slot: string, storage: Storage = localStorage): void {
  const shared = loadDraft(SHARED_DRAFT_SLOT, storage);
  const begun = shared && ((shared.send.outcome !== "none" && shared.send.outcome !== "failed") || shared.result !== null);
  if (!shared || begun) return;
  const own = loadDraft(slot, storage);
  if (own && holdsWork(own)) return;
  if (holdsWork(shared)) saveDraft({ ...newDraft(shared.values, shared.groups), time: shared.time }, slot, storage);
  clearDraft(SHARED_DRAFT_SLOT, storage);
}
