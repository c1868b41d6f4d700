// Code a page will want soon (see on-demand.tsx for code it wants only after a click).

/**
 * Fetches code a page will want soon, once the browser is idle and one module at a time, so that
 * running their code (zod's schemas, say) never adds up to one long task as the page opens.
 * Returns what stops the rest (the page went away). A failed fetch is retried where it is needed.
 */
export function preloadWhenIdle(loaders: readonly (() => Promise<unknown>)[]): () => void {
  let stopped = false;
  const whenIdle = (next: () => void) =>
    typeof requestIdleCallback === "function" ? requestIdleCallback(next, { timeout: 2000 }) : setTimeout(next, 200);
  const step = (i: number) => {
    const load = loaders[i];
    if (stopped || !load) return;
    void load()
      .catch(() => undefined)
      .then(() => whenIdle(() => step(i + 1)));
  };
  whenIdle(() => step(0));
  return () => {
    stopped = true;
  };
}
