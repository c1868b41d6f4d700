import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { consoleDir } from "./server-set";

// A console of a test's own reads an options file: the sample as shipped, with the test's changes.

/** Writes <this worker's console folder>/<name>-options.json (the sample with `changes` over it) and returns its path. */
export function optionsFile(name: string, changes: Record<string, unknown>): string {
  const sample = JSON.parse(readFileSync("config/options.sample.json", "utf8"));
  mkdirSync(consoleDir, { recursive: true });
  const file = `${consoleDir}/${name}-options.json`;
  writeFileSync(file, JSON.stringify({ ...sample, ...changes }));
  return file;
}
