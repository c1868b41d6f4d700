// Ids as lists show them (docs: ids shortened in lists, a copy button gives the whole; whole in details).

/** Longer than this, an id is shortened in a list. The console's push ids (12 characters) stay whole. */
const SHORT_MAX = 12;

/** 8c7d056f-bc33-4a69-91d5-a6afc28201a9 → 8c7d056f…; an id of 12 characters or fewer as it is. */
export const shortId = (id: string): string => (id.length > SHORT_MAX ? `${id.slice(0, 8)}…` : id);
