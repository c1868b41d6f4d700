import path from "node:path";
import { defineConfig } from "vitest/config";

// Two projects, one run (`npx vitest run`): pure modules in plain Node, and components in jsdom.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // The real package throws outside a React Server environment; unit tests run plain Node.
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
    },
  },
  test: {
    silent: "passed-only",
    // The stores' tests run on SQLite and on a real PostgreSQL, started for the run.
    globalSetup: ["tests/support/postgres-setup.ts"],
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/**/*.test.ts"], environment: "node" } },
      {
        extends: true,
        test: {
          name: "components",
          include: ["tests/components/**/*.test.tsx"],
          environment: "jsdom",
          // The first render of a page loads its lazy parts; a shared machine may be slow.
          testTimeout: 20_000,
          setupFiles: ["tests/components/setup.ts"],
        },
      },
    ],
  },
});
