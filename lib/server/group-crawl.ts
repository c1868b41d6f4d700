import "server-only";

// Reading every page of the group list, as many at once as the vendor takes without slowing down
// (as TCP finds a link's pace). While the vendor answers about as fast as its fastest answer so far,
// concurrency grows: by one a page until the vendor first strains ("fast"), then by one a round
// ("slow"). An answer more than twice the fastest means the vendor is straining: concurrency halves.
// Never more than the configured maximum (GROUPS_FETCH_CONCURRENCY).

export type Growth = "fast" | "slow";

/** How many pages to have in flight next (fractional; floor it to launch), from what the last answer took. Pure. */
export function nextConcurrency(current: number, max: number, fastestMs: number, latestMs: number, growth: Growth = "fast"): number {
  const cap = Number.isFinite(max) ? Math.max(1, Math.floor(max)) : 1;
  const now = Number.isFinite(current) ? Math.min(Math.max(1, current), cap) : 1;
  if (!Number.isFinite(latestMs) || !Number.isFinite(fastestMs) || latestMs < 0 || fastestMs < 0) return now;
  // Within 2 ms of twice the fastest counts as keeping pace: loopback and a busy machine jitter that much.
  if (latestMs > 2 * fastestMs + 2) return Math.max(1, now / 2);
  return Math.min(cap, now + (growth === "fast" ? 1 : 1 / now));
}

export type CrawlOptions<T> = {
  /** Pages 2..pages (the first is read before, to learn how many there are). */
  pages: number;
  fetchPage: (current: number) => Promise<T>;
  maxConcurrency: number;
  /** The concurrency to start at (the last crawl's last, so a known vendor is read at its pace). */
  start?: number;
  /** Called after each page, with the page's number and result. */
  onPage?: (current: number, result: T) => void;
  now?: () => number;
};

/** Reads pages 2..pages; resolves with each page's result by number, and the concurrency it ended at. */
export function crawlPages<T>(options: CrawlOptions<T>): Promise<{ results: Map<number, T>; concurrency: number }> {
  const { pages, fetchPage, maxConcurrency, onPage, now = () => performance.now() } = options;
  let concurrency = nextConcurrency(options.start ?? 2, maxConcurrency, NaN, NaN);
  let growth: Growth = "fast";
  const results = new Map<number, T>();
  let next = 2;
  let inFlight = 0;
  let fastest = Infinity;
  let failed = false;
  return new Promise((resolve, reject) => {
    const launch = () => {
      if (failed) return;
      if (next > pages && inFlight === 0) return resolve({ results, concurrency: Math.floor(concurrency) });
      while (inFlight < Math.floor(concurrency) && next <= pages) {
        const current = next++;
        inFlight++;
        const started = now();
        fetchPage(current).then(
          (result) => {
            inFlight--;
            const took = now() - started;
            fastest = Math.min(fastest, took);
            const after = nextConcurrency(concurrency, maxConcurrency, fastest, took, growth);
            if (after < concurrency) growth = "slow";
            concurrency = after;
            results.set(current, result);
            onPage?.(current, result);
            launch();
          },
          (error: unknown) => {
            inFlight--;
            if (!failed) reject(error);
            failed = true;
          },
        );
      }
    };
    launch();
  });
}
