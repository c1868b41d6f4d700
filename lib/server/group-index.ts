import "server-only";
import { hasFilters, pageOf, searchGroups } from "@/lib/groups/search";
import { buildTagIndex, type TagIndex } from "@/lib/groups/tag-index";
import { groupList } from "@/lib/server/chuanbo-client";
import { serverConfig } from "@/lib/server/config";
import { processSingleton } from "@/lib/server/singleton";
import { UpstreamError } from "@/lib/server/upstream-error";
import type { GroupsParams, GroupsResult } from "@/lib/groups/groups-params";
import type { Group } from "@/lib/validations/group";

// The whole group list, fetched page by page (the upstream has no search) and kept for a short,
// configured time. One fetch at a time: callers that arrive while it runs wait for the same one.
// Anyone signed in may ask for a refresh, so refreshes are shared: at most one crawl per
// REFRESH_INTERVAL_MS; a refresh asked for meanwhile gets the crawl in flight or the one just done.

/** The least time between the end of one crawl and a refresh's next. */
export const REFRESH_INTERVAL_MS = 10_000;

type Snapshot = { groups: Group[]; fetchedAt: string; expiresAt: number };
type Store = { snapshot?: Snapshot; inflight?: Promise<Snapshot>; lastCrawlEndedAt?: number };

/** Every route bundle of the one server process shares the one cache. */
const store = () => processSingleton<Store>("group-index", () => ({}));

/** A safety stop against an upstream that reports absurd page counts. */
const MAX_PAGES = 1000;

async function fetchAll(): Promise<Snapshot> {
  const { groupsFetchPageSize: size, groupsFetchConcurrency: concurrency, groupsCacheTtlMs } = serverConfig();
  const fetchedAt = new Date().toISOString();
  const first = (await groupList({ current: 1, size })).data;
  const pages = first.records.length === 0 ? 1 : Math.max(first.pages, Math.ceil(first.total / first.records.length));
  if (pages > MAX_PAGES) {
    throw new UpstreamError("bad_response", `传播通报告有 ${pages} 页用户组，超出控制台一次能检索的范围，请联系管理员。`, "");
  }
  const results: Group[][] = [first.records];
  let next = 2;
  const worker = async () => {
    while (next <= pages) {
      const current = next++;
      results[current - 1] = (await groupList({ current, size })).data.records;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, pages - 1) }, worker));
  // A group created while the pages were read can push another onto two pages: keep it once.
  const seen = new Set<number>();
  const groups = results.flat().filter((g) => !seen.has(g.id) && seen.add(g.id));
  return { groups, fetchedAt, expiresAt: Date.now() + groupsCacheTtlMs };
}

export async function allGroups(options: { refresh?: boolean } = {}): Promise<{ groups: Group[]; fetchedAt: string }> {
  const s = store();
  const now = Date.now();
  let snapshot = s.snapshot;
  const expired = !snapshot || snapshot.expiresAt <= now;
  const crawledLately = s.inflight !== undefined || (s.lastCrawlEndedAt !== undefined && now - s.lastCrawlEndedAt < REFRESH_INTERVAL_MS);
  if (expired || options.refresh) {
    // A refresh within the interval shares the crawl in flight, or keeps the list just fetched.
    if (!s.inflight && (expired || !crawledLately)) {
      s.inflight = fetchAll()
        .then((fresh) => (s.snapshot = fresh))
        .finally(() => {
          s.inflight = undefined;
          s.lastCrawlEndedAt = Date.now();
        });
    }
    if (s.inflight) snapshot = await s.inflight;
  }
  if (!snapshot) throw new Error("group index: no snapshot after a fetch");
  return { groups: snapshot.groups, fetchedAt: snapshot.fetchedAt };
}

/** Forgets the list and when it was fetched (the simulator's world was just replaced). */
export function forgetGroupIndex(): void {
  const s = store();
  s.snapshot = undefined;
  s.lastCrawlEndedAt = undefined;
}

export async function groupsByIds(ids: number[]): Promise<Map<number, Group>> {
  const wanted = new Set(ids);
  const { groups } = await allGroups();
  return new Map(groups.filter((g) => wanted.has(g.id)).map((g) => [g.id, g]));
}

/**
 * One page of groups: with a search, filters or a refresh, answered from the whole list;
 * otherwise passed through to the upstream's own page.
 */
export async function groupsPage(params: GroupsParams, options: { refresh?: boolean } = {}): Promise<GroupsResult> {
  const { current, size, ...filters } = params;
  if (!options.refresh && !hasFilters(filters)) return (await groupList({ current, size })).data;
  const { groups, fetchedAt } = await allGroups(options);
  return { ...pageOf(searchGroups(groups, filters), current, size), fetchedAt };
}

/** The tags and departments in use across the whole list (GET /api/tags). */
export async function tagIndex(options: { refresh?: boolean } = {}): Promise<TagIndex> {
  const { groups, fetchedAt } = await allGroups(options);
  return { ...buildTagIndex(groups), fetchedAt };
}
