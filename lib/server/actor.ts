/** Who makes a change, for the records and the audit log: a user (or `cli:…`, `system:…`) and the caller's decided address. */
export type Actor = { username: string; ip: string | null };
