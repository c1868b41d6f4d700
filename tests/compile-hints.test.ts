import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

// scripts/compile-hints.mjs as npm run build runs it, and npm run bundles' check of its work, on a
// build folder of their own.
const run = promisify(execFile);
const SCRIPT = path.resolve(import.meta.dirname, "../scripts/compile-hints.mjs");
const BUNDLES = path.resolve(import.meta.dirname, "../scripts/check-bundles.mjs");
const HINT = "//# allFunctionsCalledOnLoad\n";

let dir: string;
const chunk = (name: string) => path.join(dir, "static/chunks", name);
const hints = (nextDir = dir) => run(process.execPath, [SCRIPT, nextDir]);
const manifest = (rootMainFiles: unknown) => writeFileSync(path.join(dir, "build-manifest.json"), JSON.stringify({ rootMainFiles }));

beforeEach(() => {
  // The build as ".next" in a folder of its own, where npm run bundles looks for it.
  dir = path.join(mkdtempSync(path.join(tmpdir(), "compile-hints-")), ".next");
  mkdirSync(path.join(dir, "static/chunks"), { recursive: true });
  manifest(["static/chunks/runtime.js", "static/chunks/react-dom.js"]);
  writeFileSync(chunk("runtime.js"), "(()=>{let e;})();\n");
  writeFileSync(chunk("react-dom.js"), "(globalThis.TURBOPACK||=[]).push([1,(e)=>{}]);\n");
  writeFileSync(chunk("react-dom.js.map"), JSON.stringify({ version: 3, sources: ["a.js"], mappings: "AAAA,CAAC" }));
  writeFileSync(chunk("compose-page.js"), "(globalThis.TURBOPACK||=[]).push([2,(e)=>{}]);\n");
});
afterEach(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

describe("compile hints after next build", () => {
  it("marks each chunk every page starts with, once, and no other", async () => {
    const first = await hints();
    expect(first.stdout).toContain("2 个启动脚本已标记（共 2 个）");
    expect(readFileSync(chunk("runtime.js"), "utf8")).toBe(`${HINT}(()=>{let e;})();\n`);
    expect(readFileSync(chunk("react-dom.js"), "utf8")).toBe(`${HINT}(globalThis.TURBOPACK||=[]).push([1,(e)=>{}]);\n`);
    expect(readFileSync(chunk("compose-page.js"), "utf8")).not.toContain("allFunctionsCalledOnLoad");

    const again = await hints();
    expect(again.stdout).toContain("0 个启动脚本已标记（共 2 个）");
    expect(readFileSync(chunk("runtime.js"), "utf8").split(HINT)).toHaveLength(2);
  });

  it("moves a chunk's source map down by the line it adds, once", async () => {
    await hints();
    await hints();
    expect(JSON.parse(readFileSync(chunk("react-dom.js.map"), "utf8")).mappings).toBe(";AAAA,CAAC");
  });

  it("moves each section of an index map down by that line", async () => {
    const sections = [
      { offset: { line: 0, column: 0 }, map: { version: 3, sources: ["a.js"], mappings: "AAAA" } },
      { offset: { line: 4, column: 2 }, map: { version: 3, sources: ["b.js"], mappings: "AAAA" } },
    ];
    writeFileSync(chunk("react-dom.js.map"), JSON.stringify({ version: 3, sections }));
    await hints();
    const shifted = JSON.parse(readFileSync(chunk("react-dom.js.map"), "utf8"));
    expect(shifted.sections.map((section: { offset: unknown }) => section.offset)).toEqual([
      { line: 1, column: 0 },
      { line: 5, column: 2 },
    ]);
    expect(shifted.mappings).toBeUndefined();
  });

  it("says in Chinese when there is no build, no start-up chunk listed, or a listed chunk is missing", async () => {
    const fails = (stderr: string) => ({ code: 1, stderr: expect.stringContaining(stderr) });
    await expect(hints(path.join(dir, "nothing-here"))).rejects.toMatchObject(fails("请先运行 next build"));
    manifest([]);
    await expect(hints()).rejects.toMatchObject(fails("没有列出启动脚本"));
    manifest(["static/chunks/runtime.js", "static/chunks/gone.js"]);
    await expect(hints()).rejects.toMatchObject(fails("启动脚本不存在"));
    expect(readFileSync(chunk("runtime.js"), "utf8")).not.toContain("allFunctionsCalledOnLoad");
  });
});

describe("npm run bundles", () => {
  /** A build whose every budgeted page ships only the start-up chunks, run from its parent folder. */
  async function bundles() {
    const budgets = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../bench/bundle-budgets.json"), "utf8"));
    const startup = [".next/static/chunks/runtime.js", ".next/static/chunks/react-dom.js"];
    const routes = ["/_not-found", ...Object.keys(budgets.pages)];
    const stats = routes.map((route) => ({ route, firstLoadChunkPaths: startup }));
    mkdirSync(path.join(dir, "diagnostics"), { recursive: true });
    writeFileSync(path.join(dir, "diagnostics/route-bundle-stats.json"), JSON.stringify(stats));
    return run(process.execPath, [BUNDLES], { cwd: path.dirname(dir) });
  }

  it("fails while the start-up chunks lack their hint, and passes once they have it", async () => {
    await expect(bundles()).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("启动脚本缺少编译提示") });
    await hints();
    const passed = await bundles();
    expect(passed.stderr).toBe("");
    expect(passed.stdout).toContain("/compose");
  });
});
