// Each Playwright worker has a set of servers and files of its own (playwright.config.ts starts one
// set per worker): a simulator's faults and received pushes, a console's log, a test's options file
// are never seen by a test in another worker.

/** How many workers, hence sets: E2E_WORKERS (default 2). 1 runs the suite as one queue. */
export const SETS = Number(process.env.E2E_WORKERS ?? 2);
if (!Number.isInteger(SETS) || SETS < 1) throw new Error(`E2E_WORKERS must be a whole number ≥ 1, got "${process.env.E2E_WORKERS}"`);

/**
 * The set this process uses: its worker's slot (Playwright sets TEST_PARALLEL_INDEX, 0..workers-1,
 * in a worker before it loads the config or a spec), or set 0 in the runner.
 */
export const SET = Number(process.env.TEST_PARALLEL_INDEX ?? 0);
// More workers than sets (`--workers` above E2E_WORKERS) would leave a worker without servers.
if (SET >= SETS) throw new Error(`Playwright worker ${SET} has no servers: set E2E_WORKERS=${SET + 1} (or more) rather than --workers`);

/** Playwright's outputDir (playwright.config.ts), which it empties as a run starts. */
export const OUTPUT_DIR = "test-results/artifacts";

/**
 * Set `index`'s servers: three ports ten apart per set from E2E_PORT_BASE (which lets checkouts run
 * side by side), their addresses, and the folder where its consoles keep databases, logs and options:
 * inside Playwright's outputDir, which it empties before it starts the servers, so no file of an
 * earlier run (another number of workers, a spec since renamed) is read as this run's.
 */
export function serverSet(index = SET) {
  const base = Number(process.env.E2E_PORT_BASE ?? 3100) + 10 * index;
  const ports = { sim: base, configured: base + 1, vendor: base + 2 };
  const url = (port: number) => `http://127.0.0.1:${port}`;
  return {
    ports,
    simUrl: url(ports.sim),
    configuredUrl: url(ports.configured),
    vendorUrl: url(ports.vendor),
    consoleDir: `${OUTPUT_DIR}/consoles/${index}`,
  };
}

/** This process's consoles' folder (see serverSet). */
export const consoleDir = serverSet().consoleDir;
