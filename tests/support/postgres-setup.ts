// Vitest's global setup: one throw-away PostgreSQL for the run (scripts/pg-cluster.mjs), unless
// TEST_DATABASE_URL names one already. Tests get its URL with inject("postgresUrl").
import { startCluster } from "../../scripts/pg-cluster.mjs";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const given = process.env.TEST_DATABASE_URL;
  const cluster = given ? { url: given, stop: () => {} } : await startCluster();
  project.provide("postgresUrl", cluster.url);
  return () => cluster.stop();
}
