#!/usr/bin/env node
// After `next build` (npm run build): marks the chunks every page runs as it starts (the build
// manifest's rootMainFiles: Turbopack's runtime, React DOM and Next's router) for V8's eager
// compilation, with the magic comment V8 reads on a script's first line (explicit compile hints,
// Chrome and Edge 136 on). Without it V8 compiles each function on the main thread the first time
// it is called, which is how almost all of this code runs as a page opens; with it, the compiling is
// done on a background thread while the script streams in. Measured in bench/lighthouse.mjs's runs
// (README, Performance). Other browsers read it as a comment.
//
// Idempotent. A chunk's source map, if the build wrote one, gets an empty first line to match.
//   node scripts/compile-hints.mjs [nextDir]       (default .next)
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

/** The chunks every page loads and runs at start, as paths inside `nextDir`. */
export function startupChunks(nextDir) {
  const manifest = JSON.parse(readFileSync(path.join(nextDir, "build-manifest.json"), "utf8"));
  return manifest.rootMainFiles.map((file) => path.join(nextDir, file));
}

export const hasCompileHint = (file) => readFileSync(file, "utf8").startsWith(COMPILE_HINT);

/** Adds the hint to each start-up chunk that lacks it; returns the chunks it changed. */
export function addCompileHints(nextDir) {
  const changed = [];
  for (const file of startupChunks(nextDir)) {
    if (hasCompileHint(file)) continue;
    writeFileSync(file, COMPILE_HINT + readFileSync(file, "utf8"));
    const map = `${file}.map`;
    if (existsSync(map)) {
      const sourceMap = JSON.parse(readFileSync(map, "utf8"));
      sourceMap.mappings = `;${sourceMap.mappings}`;
      writeFileSync(map, JSON.stringify(sourceMap));
    }
    changed.push(file);
  }
  return changed;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const nextDir = process.argv[2] ?? ".next";
  if (!existsSync(path.join(nextDir, "build-manifest.json"))) {
    console.error(`没有找到 ${nextDir}/build-manifest.json：请先运行 next build。`);
    process.exit(1);
  }
  const changed = addCompileHints(nextDir);
  console.log(`编译提示：${changed.length} 个启动脚本已标记（共 ${startupChunks(nextDir).length} 个）。`);
}
