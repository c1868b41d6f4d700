#!/usr/bin/env node
// After `next build` (npm run build): marks the chunks every page runs as it starts (the build
// manifest's rootMainFiles: Turbopack's runtime, React DOM and Next's router) for V8's eager
// compilation, with the magic comment V8 reads on a script's first line (explicit compile hints,
// Chrome and Edge 136 on). Without it V8 compiles each function on the main thread the first time
// it is called, which is how almost all of this code runs as a page opens; with it, the compiling is
// done on a background thread while the script streams in. The figures (Lighthouse, and the scripts'
// evaluation as a page opens) are in the README's Performance section. Other browsers read it as a
// comment.
//
// Idempotent. A chunk's source map, if the build wrote one, moves down by the line added.
//   node scripts/compile-hints.mjs [nextDir]       (default .next)
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

/** The chunks every page loads and runs at start, as paths inside `nextDir`; throws, in Chinese, on a build without them. */
export function startupChunks(nextDir) {
  const manifestFile = path.join(nextDir, "build-manifest.json");
  if (!existsSync(manifestFile)) throw new Error(`没有找到 ${manifestFile}：请先运行 next build。`);
  const files = JSON.parse(readFileSync(manifestFile, "utf8")).rootMainFiles;
  if (!Array.isArray(files) || files.length === 0)
    throw new Error(`${manifestFile} 没有列出启动脚本（rootMainFiles），Next 的构建格式可能变了。`);
  const chunks = files.map((file) => path.join(nextDir, file));
  const missing = chunks.filter((file) => !existsSync(file));
  if (missing.length > 0) throw new Error(`构建清单列出的启动脚本不存在：${missing.join("、")}。请重新构建。`);
  return chunks;
}

/** A source map moved down one line: its mappings, or each section of an index map. */
function shiftedMap(sourceMap) {
  if (Array.isArray(sourceMap.sections)) {
    return {
      ...sourceMap,
      sections: sourceMap.sections.map((section) => ({ ...section, offset: { ...section.offset, line: section.offset.line + 1 } })),
    };
  }
  return { ...sourceMap, mappings: `;${sourceMap.mappings}` };
}

export const hasCompileHint = (file) => readFileSync(file, "utf8").startsWith(COMPILE_HINT);

/** Adds the hint to each start-up chunk that lacks it; returns the chunks it changed, of how many. */
export function addCompileHints(nextDir) {
  const chunks = startupChunks(nextDir);
  const changed = [];
  for (const file of chunks) {
    const js = readFileSync(file, "utf8");
    if (js.startsWith(COMPILE_HINT)) continue;
    writeFileSync(file, COMPILE_HINT + js);
    const map = `${file}.map`;
    if (existsSync(map)) writeFileSync(map, JSON.stringify(shiftedMap(JSON.parse(readFileSync(map, "utf8")))));
    changed.push(file);
  }
  return { changed, total: chunks.length };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const nextDir = process.argv[2] ?? ".next";
  try {
    const { changed, total } = addCompileHints(nextDir);
    console.log(`编译提示：${changed.length} 个启动脚本已标记（共 ${total} 个）。`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
