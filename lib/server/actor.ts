import "server-only";

/** Who makes a change, for the records and the audit log: a user (or `cli:…`, `system:…`) and the caller's decided address. */
export type Actor = {
  username: string;
  ip: string | null;
  /** The person's display name, for sentences others will read (a signed-in user's; none for the CLI). */
  name?: string;
};

/** How a sentence that others read names the actor: by name when there is one. */
export const actorName = (actor: Actor): string => actor.name?.trim() || actor.username;
