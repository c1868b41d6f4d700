import "server-only";

// One value per server process. Next may load a module once per route bundle, so a module-level
// `let` would give each route its own copy (its own database connection, its own cache): these live
// on globalThis under a registered symbol instead, made on first use.

export function processSingleton<T>(name: string, make: () => T): T {
  const key = Symbol.for(`chuanbo-console.${name}`);
  const g = globalThis as typeof globalThis & Record<symbol, T | undefined>;
  if (g[key] === undefined) g[key] = make();
  return g[key];
}

/** Forgets a singleton (a failed start-up that should be retried, or a test). */
export function resetProcessSingleton(name: string): void {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for(`chuanbo-console.${name}`)];
}
