/** One page of a paged answer (groups, pushes, approvals, audit): the upstream's paging names. */
export type Page<T> = { records: T[]; total: number; size: number; current: number; pages: number };
