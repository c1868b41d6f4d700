// Types for scripts/pg-cluster.mjs, for the TypeScript that starts a cluster (the e2e global setup).

/** A throw-away PostgreSQL 15 on a free loopback port; `url` signs in as the `console` role (CREATEDB, not a superuser). */
export function startCluster(): Promise<{ url: string; stop(): void }>;
