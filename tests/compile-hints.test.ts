import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

// scripts/compile-hints.mjs as npm run build runs it, on a build folder of its own.
const run = promisify(execFile);
const SCRIPT = path.resolve(import.meta.dirname, "../scripts/compile-hints.mjs");
const HINT = "//# allFunctionsCalledOnLoad\n";

let dir: string;
const chunk = (name: string) => path.join(dir, "static/chunks", name);
const hints = (nextDir = dir) => run(process.execPath, [SCRIPT, nextDir]);

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "compile-hints-"));
  mkdirSync(path.join(dir, "static/chunks"), { recursive: true });
  const rootMainFiles = ["static/chunks/runtime.js", "static/chunks/react-dom.js"];
  writeFileSync(path.join(dir, "build-manifest.json"), JSON.stringify({ rootMainFiles }));
  writeFileSync(chunk("runtime.js"), "(()=>{let e;})();\n");
  writeFileSync(chunk("react-dom.js"), "(globalThis.TURBOPACK||=[]).push([1,(e)=>{}]);\n");
  writeFileSync(chunk("react-dom.js.map"), JSON.stringify({ version: 3, sources: ["a.js"], mappings: "AAAA,CAAC" }));
  writeFileSync(chunk("compose-page.js"), "(globalThis.TURBOPACK||=[]).push([2,(e)=>{}]);\n");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

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

  it("says in Chinese when there is no build to mark", async () => {
    const missing = path.join(dir, "nothing-here");
    await expect(hints(missing)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("请先运行 next build") });
  });
});
