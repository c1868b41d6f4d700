// Starts one console from the current build for the browser and route tests, with a fresh
// database, and keeps everything it prints in DIR (its worker's
// test-results/artifacts/consoles/<set>, from playwright.config.ts) so tests can read the server's log.
import { execFileSync, spawn } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";

const [mode, port, dir, connectNo, vendorUrl] = process.argv.slice(2);
mkdirSync(dir, { recursive: true });

// The sample options, but with an approval line above what the whole suite's ordinary sends add up
// to in an hour: one editor sends them all, and the approval window counts them toward the line.
// 150,000 left too little room (stop 24's tests went over it on one worker); the simulator's groups
// hold about 258,000 people, so bigGroups can still pass 200,000.
// The approval tests push to the largest groups until they pass it (e2e/support/pushes.ts reads it
// from here); the line itself, the window and unknown reach are tried on consoles of their own.
const testOptions = `${dir}/${mode}-options.json`;
const sample = JSON.parse(readFileSync("config/options.sample.json", "utf8"));
writeFileSync(testOptions, JSON.stringify({ ...sample, approval: { ...sample.approval, minReach: 200_000 } }, null, 2));

const settings = {
  // Tests sign in and send far more often than a person: the limits are tested on their own.
  sim: {
    PORT: port,
    CHUANBO_TIMEOUT_MS: "2500",
    CHUANBO_CONNECT_NO: connectNo,
    CHUANBO_OPTIONS_FILE: testOptions,
    AUTH_SIGN_IN_LIMIT: "1000",
    PUSH_HOURLY_LIMIT: "1000",
    PUSH_MAX_REACH: "1000000",
  },
  configured: {
    PORT: port,
    CHUANBO_BASE_URL: vendorUrl,
    CHUANBO_CONNECT_NO: connectNo,
    CHUANBO_TENANT_ID: "6",
    CHUANBO_SIGNING_SECRET: "test-signing-secret",
    CHUANBO_TIMEOUT_MS: "1500",
    CHUANBO_OPTIONS_FILE: testOptions,
    AUTH_SECRET: "wire-test-auth-secret-0123456789abcdef",
    PUSH_HOURLY_LIMIT: "1000",
  },
}[mode];
if (!settings) throw new Error(`usage: start-console.mjs sim|configured PORT DIR CONNECT_NO [VENDOR_URL]`);

const database = `${dir}/${mode}.sqlite`;
for (const suffix of ["", "-wal", "-shm"]) rmSync(database + suffix, { force: true });
const log = createWriteStream(`${dir}/${mode}.log`);

const env = { ...process.env, ...settings, CHUANBO_DATABASE_PATH: database };
// Off the simulator there are no demo accounts: the tests' editor is made as an operator would, with the CLI.
if (mode === "configured") {
  const editor = ["wire-editor", "--role", "editor", "--password", "wire-test-password"];
  execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/user.ts", "add", ...editor], { env, stdio: "inherit" });
}

const child = spawn(process.execPath, ["server.mjs", "-H", "127.0.0.1"], {
  env,
  stdio: ["ignore", "pipe", "pipe"],
});
for (const stream of [child.stdout, child.stderr]) {
  stream.pipe(log, { end: false });
  stream.pipe(process.stdout);
}
const stop = () => child.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code) => process.exit(code ?? 0));
