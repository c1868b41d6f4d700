import type { Page } from "@/lib/api/page";
import type { Group } from "@/lib/validations/group";

// A page of groups, asked and answered: the same words for the page's address, the API and the
// server's index (plain types, so the server need not import the browser's query code).

/** Groups whose rules use this tag (and, when given, this exact symbol and values). */
export type TagFilter = { tag_code: string; relational_symbols?: string; value1?: string; value2?: string };

export type GroupsParams = {
  current: number;
  size: number;
  q?: string;
  type?: 1 | 2;
  department?: string;
  tag?: TagFilter;
};

/** fetchedAt: ISO time the full list was fetched; present when search or filters answered. */
export type GroupsResult = Page<Group> & { fetchedAt?: string };

/** GET /api/groups/index-status: whether the index has a list, and how far a fetch of every group has come. */
export type GroupIndexStatus = {
  ready: boolean;
  fetchedAt: string | null;
  /** Groups fetched so far, of how many the vendor reports (0 until its first page answers). */
  crawling: { fetched: number; total: number } | null;
};
