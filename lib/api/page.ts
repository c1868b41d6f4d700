/** One page of a paged answer (groups, pushes, approvals, audit): the upstream's paging names. */
export type Page<T> = { records: T[]; total: number; size: number; current: number; pages: number };

/** Where a page is among its pages, as a server-rendered list hands it to its pager. */
export type Paging = Omit<Page<never>, "records">;

export const pagingOf = ({ current, pages, total, size }: Paging): Paging => ({ current, pages, total, size });
