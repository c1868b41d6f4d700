// /compose: time to interactive, and the delay of every keystroke in each channel's text fields
// with the previews live. Prints figures; asserts nothing.
//
// Start a console on the simulator first (npm run build && PORT=3450 npm start), then:
//   node bench/compose-interaction.mjs [baseURL]        (default http://127.0.0.1:3450)
//   CPU_SLOWDOWN=4 node bench/compose-interaction.mjs   (Chrome's CPU throttling, as on a slow office PC)
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { addSession, DEMO_EDITOR, signIn } from "./support/session.mjs";

const base = process.argv[2] ?? "http://127.0.0.1:3450";
const cookie = await signIn(base, ...DEMO_EDITOR);
const slowdown = Number(process.env.CPU_SLOWDOWN ?? 1);
const RUNS = 5;
const TEXT = "今晚八点起全市有大到暴雨，请市民减少外出，注意防范城市内涝和山体滑坡。Stay safe 2024！";

const browser = await chromium.launch({
  ...(existsSync("/usr/bin/chromium") ? { executablePath: "/usr/bin/chromium" } : {}),
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});

// In the page: when the form first appears (it renders only after hydration and the draft load),
// and, per typed character (an input event: Chinese text arrives without key events), the time
// from the event to the frame after it was handled.
const probe = () => {
  window.__bench = { ready: null, keys: [], events: [] };
  new MutationObserver((_, observer) => {
    if (document.getElementById("name")) {
      window.__bench.ready = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  addEventListener(
    "input",
    (event) => {
      const start = event.timeStamp;
      requestAnimationFrame(() => setTimeout(() => window.__bench.keys.push(performance.now() - start), 0));
    },
    true,
  );
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (["keydown", "keypress", "input", "keyup", "beforeinput"].includes(entry.name)) {
        window.__bench.events.push({ name: entry.name, duration: entry.duration, delay: entry.processingStart - entry.startTime });
      }
    }
  }).observe({ type: "event", durationThreshold: 16, buffered: true });
};

async function newPage() {
  const context = await browser.newContext({ locale: "zh-CN" });
  await addSession(context, base, cookie);
  await context.addInitScript(probe);
  const page = await context.newPage();
  if (slowdown > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: slowdown });
  }
  return { context, page };
}

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? NaN };
};
const ms = (v) => `${v.toFixed(1)} ms`;

console.log(`/compose at ${base}, CPU slowdown ×${slowdown}`);

const tti = [];
const fcp = [];
for (let i = 0; i < RUNS; i++) {
  const { context, page } = await newPage();
  await page.goto(`${base}/compose`);
  await page.waitForSelector("#name");
  await page.waitForFunction(() => window.__bench.ready !== null);
  tti.push(await page.evaluate(() => window.__bench.ready));
  fcp.push(await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN));
  await context.close();
}
const t = stats(tti);
const f = stats(fcp);
console.log(`first contentful paint: p50 ${ms(f.p50)}, max ${ms(f.max)} (${RUNS} cold loads)`);
console.log(`time to interactive (form hydrated and draft loaded): p50 ${ms(t.p50)}, max ${ms(t.max)}`);

const { context, page } = await newPage();
await page.goto(`${base}/compose`);
await page.waitForSelector("#name");
const fields = [
  { channel: "系统通知", id: "push_title" },
  { channel: "系统通知", id: "push_content" },
  { channel: "短信推送", id: "msg_template" },
  { channel: "语音消息", id: "voice_content" },
];
for (const { channel, id } of fields) {
  await page.getByRole("radio", { name: channel }).click();
  await page.locator(`#${id}`).click();
  await page.evaluate(() => {
    window.__bench.keys = [];
    window.__bench.events = [];
  });
  await page.keyboard.type(TEXT, { delay: 40 });
  await page.waitForTimeout(300);
  const { keys, events } = await page.evaluate(() => window.__bench);
  const k = stats(keys);
  const slow = events.filter((e) => e.duration >= 50).length;
  console.log(
    `${channel} ${id}: ${k.n} inputs, input→next frame p50 ${ms(k.p50)}, p95 ${ms(k.p95)}, max ${ms(k.max)}; ` +
      `Event Timing: ${events.length} events ≥16 ms, ${slow} ≥50 ms` +
      (events.length
        ? `, worst ${ms(Math.max(...events.map((e) => e.duration)))} (input delay ${ms(Math.max(...events.map((e) => e.delay)))})`
        : ""),
  );
}
await context.close();
await browser.close();
