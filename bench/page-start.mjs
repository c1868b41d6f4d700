// As /sign-in, /groups and /compose open (until the network is idle), at full speed: the time the
// main thread spent evaluating the pages' scripts (compiling what V8 had not compiled ahead included),
// how often Chromium looked a font up, the time those lookups took, the longest layout, and which
// fonts drew the text. Prints figures; asserts nothing.
//
// On Linux each font name tried is a question to another process (fontconfig, behind Chromium's
// sandbox), asked inside a layout, mostly the page's first; a name the computer lacks costs one too.
// The count depends on the fonts installed and on Chromium, not on the host's speed; the times do.
//
// Start a console on the simulator first (npm run build && PORT=3450 npm start), then:
//   node bench/page-start.mjs [baseURL]                  (default http://127.0.0.1:3450)
//   FONT_SANS='system-ui, sans-serif' node bench/page-start.mjs   (another font stack without a
//                                                         build; FONT_MONO likewise)
//   COMPILE_HINTS=off node bench/page-start.mjs         (the start-up chunks without their compile
//                                                         hint, scripts/compile-hints.mjs)
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { addSession, DEMO_EDITOR, signIn } from "./support/session.mjs";

const base = process.argv[2] ?? "http://127.0.0.1:3450";
const RUNS = 5;
const PAGES = ["/sign-in", "/groups", "/compose"];
const LOOKUPS = {
  font: "FontCache::GetFontPlatformData",
  family: "FontDataService::MatchFamilyName",
  style: "WebSandboxSupportLinux::GetWebFontRenderStyleForStrike",
};
const stacks = { sans: process.env.FONT_SANS, mono: process.env.FONT_MONO };
const hints = process.env.COMPILE_HINTS !== "off";
const HINT = "//# allFunctionsCalledOnLoad\n";

const cookie = await signIn(base, ...DEMO_EDITOR);
const browser = await chromium.launch({
  ...(existsSync("/usr/bin/chromium") ? { executablePath: "/usr/bin/chromium" } : {}),
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
const traces = mkdtempSync(join(tmpdir(), "fonts-"));

/** The page's stylesheet with FONT_SANS / FONT_MONO in place of the console's stacks. */
async function withStacks(route) {
  const response = await route.fetch();
  let css = await response.text();
  for (const [name, stack] of Object.entries(stacks)) {
    if (stack) css = css.replace(new RegExp(`--font-${name}:[^;]+;`), `--font-${name}:${stack};`);
  }
  await route.fulfill({ response, body: css });
}

/** Every chunk goes through here, hinted or not, so that both ways are served alike. */
async function chunk(route) {
  const response = await route.fetch();
  const js = await response.text();
  await route.fulfill({ response, body: hints || !js.startsWith(HINT) ? js : js.slice(HINT.length) });
}

/** The fonts that drew the page's text, by glyphs drawn. */
async function fontsDrawn(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
  const glyphs = new Map();
  const visit = async (node) => {
    if (node.nodeType === 1 && node.children?.some((child) => child.nodeType === 3)) {
      const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId: node.nodeId });
      for (const font of fonts) glyphs.set(font.familyName, (glyphs.get(font.familyName) ?? 0) + font.glyphCount);
    }
    for (const child of node.children ?? []) await visit(child);
  };
  await visit(root);
  return [...glyphs].sort((a, b) => b[1] - a[1]);
}

/** One fresh load (a new context: a new renderer, whose font caches start empty). */
async function load(path) {
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 412, height: 823 } });
  if (path !== "/sign-in") await addSession(context, base, cookie);
  if (stacks.sans || stacks.mono) await context.route(/\.css$/, withStacks);
  await context.route(/\/_next\/static\/chunks\/.*\.js$/, chunk);
  const page = await context.newPage();
  const file = join(traces, "trace.json");
  await browser.startTracing(page, { path: file, categories: ["devtools.timeline", "fonts", "blink", "mojom"] });
  await page.goto(base + path, { waitUntil: "networkidle" });
  await browser.stopTracing();
  const events = JSON.parse(readFileSync(file, "utf8")).traceEvents.filter((event) => event.ph === "X");
  const figures = {};
  for (const [key, name] of Object.entries(LOOKUPS)) {
    const found = events.filter((event) => event.name === name);
    figures[key] = found.length;
    if (key === "font") figures.fontMs = found.reduce((sum, event) => sum + event.dur / 1000, 0);
  }
  const layouts = events.filter((event) => event.name === "Layout").map((event) => event.dur / 1000);
  figures.layoutMs = Math.max(0, ...layouts);
  const scripts = events.filter((event) => event.name === "EvaluateScript" && /\/_next\/static\//.test(event.args?.data?.url ?? ""));
  figures.scriptsMs = scripts.reduce((sum, event) => sum + event.dur / 1000, 0);
  return { figures, page, context };
}

const median = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];

console.log(`As a page opens, median of ${RUNS} fresh loads, ${base}${hints ? "" : ", start-up chunks without their compile hint"}`);
if (stacks.sans) console.log(`sans: ${stacks.sans}`);
if (stacks.mono) console.log(`mono: ${stacks.mono}`);
console.log("page        scripts ms  fonts  names  styles  lookups ms  longest layout ms  drawn by (glyphs)");
for (const path of PAGES) {
  const runs = [];
  let drawn = [];
  for (let run = 0; run < RUNS; run++) {
    const { figures, page, context } = await load(path);
    runs.push(figures);
    if (run === 0) drawn = await fontsDrawn(page);
    await context.close();
  }
  const m = (key) => median(runs.map((figures) => figures[key]));
  console.log(
    `${path.padEnd(10)} ${m("scriptsMs").toFixed(0).padStart(10)} ${String(m("font")).padStart(6)} ${String(m("family")).padStart(6)} ${String(m("style")).padStart(7)}` +
      ` ${m("fontMs").toFixed(0).padStart(11)} ${m("layoutMs").toFixed(0).padStart(18)}  ` +
      drawn.map(([family, count]) => `${family} (${count})`).join(", "),
  );
}
console.log("scripts: main-thread time evaluating the pages' scripts; fonts: Chromium's font lookups; names:");
console.log("family names asked of the font service; styles: render settings asked per font and size.");
console.log("Font counts are Linux's; other systems ask differently.");
await browser.close();
rmSync(traces, { recursive: true, force: true });
