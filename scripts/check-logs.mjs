// The last step of `npm test`: the logs of the whole e2e run (every console's, in
// test-results/artifacts/consoles/<set>, one folder per Playwright worker, emptied as the run
// starts) hold neither the credential nor a push's content, and do hold one JSON request line per
// request. The two values are the ones playwright.config.ts gives the tests; the folder is
// e2e/support/server-set.ts's.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const config = readFileSync("playwright.config.ts", "utf8");
const constant = (text, name) => new RegExp(`export const ${name} = "([^"]+)"`).exec(text)?.[1];
const secrets = { credential: constant(config, "TEST_CONNECT_NO"), "push content": constant(config, "TEST_PUSH_MARKER") };
if (!secrets.credential || !secrets["push content"])
  throw new Error("playwright.config.ts no longer names TEST_CONNECT_NO / TEST_PUSH_MARKER");
const outputDir = constant(readFileSync("e2e/support/server-set.ts", "utf8"), "OUTPUT_DIR");
if (!outputDir) throw new Error("e2e/support/server-set.ts no longer names OUTPUT_DIR");

const dir = `${outputDir}/consoles`;
const logs = readdirSync(dir, { recursive: true }).filter((name) => name.endsWith(".log"));
let requests = 0;
const problems = [];
for (const name of logs) {
  const text = readFileSync(path.join(dir, name), "utf8");
  for (const [what, value] of Object.entries(secrets)) if (text.includes(value)) problems.push(`${name}: contains the ${what}`);
  for (const line of text.split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      const entry = JSON.parse(line);
      if (entry.msg === "request" && entry.requestId && entry.route && entry.status && Number.isInteger(entry.ms)) requests++;
    } catch {
      // not a log line
    }
  }
}
if (requests === 0) problems.push("no request line (requestId, route, status, ms) in any log");
if (problems.length > 0) {
  console.error(`logs: ${problems.join("; ")}`);
  process.exit(1);
}
console.log(`logs: ${logs.length} console logs, ${requests.toLocaleString("en-US")} request lines; no credential, no push content`);
