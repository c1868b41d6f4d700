import "server-only";
import { createHmac, randomUUID } from "node:crypto";
import { hasFilters, pageOf, prepareForSearch, searchGroups } from "@/lib/groups/search";
import { buildTagIndex, type TagIndex } from "@/lib/groups/tag-index";
import { groupList } from "@/lib/server/chuanbo-client";
import { requireAuthSecret, serverConfig } from "@/lib/server/config";
import { consoleDatabase } from "@/lib/server/db";
import { crawlPages } from "@/lib/server/group-crawl";
import { clearGroupIndex, loadGroupIndex, releaseLease, saveGroupIndex, storedFetchedAt, takeLease } from "@/lib/server/group-index-store";
import { processSingleton } from "@/lib/server/singleton";
import { UpstreamError } from "@/lib/server/upstream-error";
import type { GroupIndexStatus, GroupsParams, GroupsResult } from "@/lib/groups/groups-params";
import type { Group } from "@/lib/validations/group";

// The whole group list, fetched page by page (the upstream has no search) and served from memory.
// Search never waits on a crawl but the very first: an index older than the TTL is served at once
// while a crawl refreshes it in the background (stale-while-revalidate), and a request in the last
// fifth of its life starts that crawl early, so people using the console keep finding it fresh.
// The last list is kept in the database (against a configured upstream; the simulator's world is
// new each start), so a restarted console serves at once. One crawl at a time for everyone, and at
// most one per REFRESH_INTERVAL_MS: anyone signed in may ask for a refresh, so refreshes are shared.
// Several consoles on one database crawl once between them: the one holding the crawl's lease
// crawls and stores the list; the others read the stored list (and wait for it when they have none).

/** The least time between the end of one crawl and the start of the next. */
export const REFRESH_INTERVAL_MS = 10_000;
/** The share of the TTL left when a request starts the next crawl ahead of expiry. */
export const REFRESH_AHEAD = 0.2;

type Snapshot = { groups: Group[]; fetchedAt: string; expiresAt: number };
type Progress = { fetched: number; total: number };
type Store = {
  snapshot?: Snapshot;
  inflight?: Promise<Snapshot>;
  lastCrawlEndedAt?: number;
  /** Whether the stored copy has been read (once a process). */
  loaded?: boolean;
  progress?: Progress;
  /** The concurrency the last crawl ended at: the next starts at the vendor's known pace. */
  concurrency?: number;
  /** Bumped when the list is forgotten, so a crawl that started before cannot bring it back. */
  generation: number;
  /** Why the last crawl failed and when, until another starts: the groups page, which does not await the first, says it. */
  failure?: { error: unknown; at: number };
};

/** Every route bundle of the one server process shares the one cache. */
const store = () => processSingleton<Store>("group-index", () => ({ generation: 0 }));

/** How long a crawl's lease lasts (renewed as pages arrive): past it, another console may crawl. */
const LEASE_MS = 60_000;
const LEASE = "group-index-crawl";
/** How often a console without the lease looks for the list the other one is fetching. */
const WAIT_POLL_MS = 300;
/** This process, as a lease holder. */
const holder = () => processSingleton("lease-holder", () => randomUUID());

/** A safety stop against an upstream that reports absurd page counts. */
const MAX_PAGES = 1000;

/**
 * Which vendor a stored list came from; none for the simulator, whose world is new each start.
 * Keyed with the session secret: the database (and its backups) never holds the credential, nor a
 * plain hash of it that could be guessed offline.
 */
function storedKey(): string | undefined {
  const { upstream } = serverConfig();
  if (upstream.mode !== "configured") return undefined;
  return createHmac("sha256", requireAuthSecret(serverConfig())).update(`${upstream.baseUrl} ${upstream.connectNo}`).digest("hex");
}

/** Takes the stored list when it is newer than the one in memory (another console crawled): whether it did. */
async function adoptStored(s: Store, key: string): Promise<boolean> {
  const { db } = await consoleDatabase();
  const at = await storedFetchedAt(db, key);
  if (!at || (s.snapshot && Date.parse(at) <= Date.parse(s.snapshot.fetchedAt))) return false;
  const stored = await loadGroupIndex(db, key);
  if (!stored) return false;
  prepareForSearch(stored.groups);
  s.snapshot = { ...stored, expiresAt: Date.parse(stored.fetchedAt) + serverConfig().groupsCacheTtlMs };
  return true;
}

async function loadStored(s: Store): Promise<void> {
  if (s.loaded) return;
  const key = storedKey();
  if (key) {
    try {
      await adoptStored(s, key);
    } catch {
      // Unreadable: the list is fetched afresh.
    }
  }
  s.loaded = true;
}

async function fetchAll(s: Store, onPage?: () => void): Promise<Snapshot> {
  const { groupsFetchPageSize: size, groupsFetchConcurrency: maxConcurrency } = serverConfig();
  const fetchedAt = new Date().toISOString();
  const first = (await groupList({ current: 1, size })).data;
  const pages = first.records.length === 0 ? 1 : Math.max(first.pages, Math.ceil(first.total / first.records.length));
  if (pages > MAX_PAGES) {
    throw new UpstreamError("bad_response", `传播通报告有 ${pages} 页用户组，超出控制台一次能检索的范围，请联系管理员。`, "");
  }
  const progress: Progress = { fetched: first.records.length, total: Math.max(first.total, first.records.length) };
  s.progress = progress;
  const { results, concurrency } = await crawlPages({
    pages,
    maxConcurrency,
    start: s.concurrency,
    fetchPage: async (current) => (await groupList({ current, size })).data.records,
    onPage: (_, records) => {
      onPage?.();
      progress.fetched += records.length;
      progress.total = Math.max(progress.total, progress.fetched);
    },
  });
  s.concurrency = concurrency;
  const pagesInOrder = [first.records, ...Array.from({ length: pages - 1 }, (_, i) => results.get(i + 2) ?? [])];
  // A group created while the pages were read can push another onto two pages: keep it once.
  const seen = new Set<number>();
  const groups = pagesInOrder.flat().filter((g) => !seen.has(g.id) && seen.add(g.id));
  return { groups, fetchedAt, expiresAt: Date.now() + serverConfig().groupsCacheTtlMs };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** When a list is due for its next crawl: in the last fifth of its life (REFRESH_AHEAD), before it expires. */
const refreshAt = (snapshot: Snapshot) => snapshot.expiresAt - serverConfig().groupsCacheTtlMs * REFRESH_AHEAD;

/**
 * With a database shared by several consoles: the list another console stored meanwhile, or this
 * console's own crawl once it holds the lease. With nothing to serve yet, waits for the one crawling.
 */
async function sharedRefresh(s: Store, key: string): Promise<Snapshot> {
  const { db } = await consoleDatabase();
  const due = (snapshot: Snapshot | undefined) => !snapshot || Date.now() >= refreshAt(snapshot);
  for (;;) {
    if ((await adoptStored(s, key)) && !due(s.snapshot)) return s.snapshot!;
    if (await takeLease(db, LEASE, holder(), new Date(Date.now() + LEASE_MS))) break;
    // Another console is crawling: serve what there is, or wait for its list.
    if (s.snapshot) return s.snapshot;
    await sleep(WAIT_POLL_MS);
  }
  let renewedAt = Date.now();
  let renewal: Promise<unknown> = Promise.resolve();
  try {
    // The lease may have come free because another console just stored its list: take that instead.
    if ((await adoptStored(s, key)) && !due(s.snapshot)) return s.snapshot!;
    const fresh = await fetchAll(s, () => {
      if (Date.now() - renewedAt < LEASE_MS / 3) return;
      renewedAt = Date.now();
      renewal = takeLease(db, LEASE, holder(), new Date(renewedAt + LEASE_MS)).catch(() => {});
    });
    try {
      await saveGroupIndex(db, key, fresh);
    } catch {
      // Only a restart's (and the other consoles') head start is lost; the list in memory is good.
    }
    return fresh;
  } finally {
    // A renewal still on its way would otherwise take the lease back after it was given up.
    await renewal;
    await releaseLease(db, LEASE, holder()).catch(() => {});
  }
}

/** Starts the one refresh (callers check there is none in flight); its failure is the awaiting callers' to see. */
function startCrawl(s: Store): Promise<Snapshot> {
  const generation = s.generation;
  const key = storedKey();
  s.failure = undefined;
  const crawl = (key ? sharedRefresh(s, key) : fetchAll(s))
    .then((fresh) => {
      if (generation !== s.generation) return fresh;
      if (fresh !== s.snapshot) prepareForSearch(fresh.groups);
      s.snapshot = fresh;
      return fresh;
    })
    .finally(() => {
      s.inflight = undefined;
      s.progress = undefined;
      s.lastCrawlEndedAt = Date.now();
    });
  // A background crawl has no one awaiting it: a failure leaves the last list in place.
  crawl.catch((error: unknown) => {
    if (generation === s.generation) s.failure = { error, at: Date.now() };
  });
  s.inflight = crawl;
  return crawl;
}

const answer = ({ groups, fetchedAt }: Snapshot) => ({ groups, fetchedAt });

/** The last crawl's failure while its back-off lasts: said to searches and visitors instead of a new crawl. */
const keptFailure = (s: Store, now = Date.now()) =>
  s.failure && now - s.failure.at < serverConfig().groupsFailureBackoffMs ? s.failure : undefined;

/**
 * `refresh`: fetch anew (shared, at most once per interval). `despiteFailure`: a caller that must not
 * decide on a kept failure (the send policy's reach and group checks) tries a first crawl even within
 * the back-off.
 */
export async function allGroups(
  options: { refresh?: boolean; despiteFailure?: boolean } = {},
): Promise<{ groups: Group[]; fetchedAt: string }> {
  const s = store();
  await loadStored(s);
  const now = Date.now();
  const snapshot = s.snapshot;
  const mayCrawl = !s.inflight && (s.lastCrawlEndedAt === undefined || now - s.lastCrawlEndedAt >= REFRESH_INTERVAL_MS);
  if (!snapshot) {
    // The first list ever: there is nothing to serve but what the crawl brings. Unless the last
    // one has just failed: within the back-off a search says why, rather than ask a vendor that is
    // down again (the composer's search, say, typed on); 重试 (a refresh) starts one at once.
    const kept = keptFailure(s, now);
    if (kept && !s.inflight && !options.refresh && !options.despiteFailure) throw kept.error;
    return answer(await (s.inflight ?? startCrawl(s)));
  }
  if (options.refresh) {
    // Asked for: the crawl in flight, a new one, or (within the interval) the list just fetched.
    if (mayCrawl) startCrawl(s);
    return answer(s.inflight ? await s.inflight : snapshot);
  }
  if (now >= refreshAt(snapshot) && mayCrawl) startCrawl(s);
  return answer(snapshot);
}

/** For GET /api/groups/index-status: what the index holds and how far a crawl has come. Starts nothing. */
export async function groupIndexStatus(): Promise<GroupIndexStatus> {
  const s = store();
  await loadStored(s);
  return {
    ready: s.snapshot !== undefined,
    fetchedAt: s.snapshot?.fetchedAt ?? null,
    crawling: s.inflight ? { ...(s.progress ?? { fetched: 0, total: 0 }) } : null,
  };
}

/**
 * For the groups page, which answers a search before the first list without waiting for it: the
 * list is there; or the crawl (started here unless one runs) and how far it has come; or why the
 * last one failed, said to every visitor for GROUPS_FAILURE_BACKOFF_MS, so that tabs waiting on a vendor
 * that is down do not start crawl after crawl (重试 starts one at once, through a refresh).
 */
export async function firstCrawl(): Promise<{ ready: true } | { crawling: Progress } | { failed: unknown }> {
  const s = store();
  await loadStored(s);
  if (s.snapshot) return { ready: true };
  if (!s.inflight) {
    const kept = keptFailure(s);
    if (kept) return { failed: kept.error };
    startCrawl(s);
  }
  return { crawling: { ...(s.progress ?? { fetched: 0, total: 0 }) } };
}

/** For the metrics: how many groups the index holds and when they were fetched. Starts nothing. */
export async function groupIndexSize(): Promise<{ groups: number; fetchedAt: string | null }> {
  const s = store();
  await loadStored(s);
  return { groups: s.snapshot?.groups.length ?? 0, fetchedAt: s.snapshot?.fetchedAt ?? null };
}

/** Forgets the list and when it was fetched (the simulator's world was just replaced). */
export async function forgetGroupIndex(): Promise<void> {
  const s = store();
  s.snapshot = undefined;
  s.lastCrawlEndedAt = undefined;
  s.failure = undefined;
  s.generation++;
  const key = storedKey();
  if (key) await clearGroupIndex((await consoleDatabase()).db);
}

export async function groupsByIds(ids: number[], options: Parameters<typeof allGroups>[0] = {}): Promise<Map<number, Group>> {
  const wanted = new Set(ids);
  const { groups } = await allGroups(options);
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
