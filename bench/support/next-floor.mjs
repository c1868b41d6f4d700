// The framework's floor for page benchmarks: a one-page Next app built with this checkout's Next and
// React, the console's compile hints (scripts/compile-hints.mjs) and font stack (app/globals.css),
// and no code of its own in the browser: a heading and a sentence, rendered on the server per request.
// Any console page carries at least this much; a score the floor itself misses is the host's or the
// framework's, not a page's. Built afresh each time (about 20 s) in bench/out/, which git ignores.
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { addCompileHints } from "../../scripts/compile-hints.mjs";

const root = join(import.meta.dirname, "..", "..");
const dir = join(root, "bench", "out", "next-floor");
const next = join(root, "node_modules", "next", "dist", "bin", "next");

const fontSans = /--font-sans:\s*([^;]+);/.exec(readFileSync(join(root, "app", "globals.css"), "utf8"))?.[1];
if (!fontSans) throw new Error("app/globals.css 里没有找到 --font-sans，无法按控制台的字体搭框架基准页。");

const FILES = {
  "next.config.mjs": `export default { turbopack: { root: ${JSON.stringify(root)} } };\n`,
  "app/layout.jsx": `export const metadata = { title: "框架基准" };
export default function RootLayout({ children }) {
  return (<html lang="zh-CN"><body style={{ fontFamily: ${JSON.stringify(fontSans)} }}>{children}</body></html>);
}
`,
  "app/page.jsx": `export const dynamic = "force-dynamic";
export default function Page() {
  return (<main><h1>传播通</h1><p>这一页只有框架本身：没有客户端组件，也没有样式表。</p></main>);
}
`,
};

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });

/** Builds the floor app and serves it; returns its base URL and a close(). */
export async function startFloor() {
  rmSync(dir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  const build = spawnSync(process.execPath, [next, "build", dir], { encoding: "utf8" });
  if (build.status !== 0) throw new Error(`框架基准页构建失败：\n${build.stdout}${build.stderr}`);
  addCompileHints(join(dir, ".next"));

  const port = await freePort();
  const child = spawn(process.execPath, [next, "start", dir, "-p", String(port), "-H", "127.0.0.1"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let said = "";
  child.stderr.on("data", (chunk) => (said += chunk));
  // Ended by itself or by a signal (the OOM killer, say): either way there is nothing to wait for.
  const ended = () => child.exitCode !== null || child.signalCode !== null;
  const base = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    const ok = await fetch(base).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    if (tries === 100 || ended()) {
      child.kill();
      throw new Error(`框架基准页没有在 ${base} 启动。${said}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    base,
    async close() {
      if (ended()) return;
      const exited = once(child, "exit");
      child.kill();
      await exited;
    },
  };
}
