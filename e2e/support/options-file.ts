import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

// A console of a test's own reads an options file: the sample as shipped, with the test's changes.

/** Writes test-results/consoles/<name>-options.json (the sample with `changes` over it) and returns its path. */
export function optionsFile(name: string, changes: Record<string, unknown>): string {
  const sample = JSON.parse(readFileSync("config/options.sample.json", "utf8"));
  mkdirSync("test-results/consoles", { recursive: true });
  const file = `test-results/consoles/${name}-options.json`;
  writeFileSync(file, JSON.stringify({ ...sample, ...changes }));
  return file;
}
