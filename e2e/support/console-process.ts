import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { consoleDir as dir } from "./server-set";

// A console of the tests' own, beside the three playwright.config.ts starts, for a test that needs
// another configuration (a real upstream on a simulator's database, a low limit, a trusted proxy…)
// or a restart. It runs the same build and the same server.mjs as `npm start`.

export type ConsoleProcess = {
  url: string;
  /** The database file it uses; pass it to the next start to restart on the same data. */
  database: string;
  /** Everything the server printed so far. */
  log(): string;
  stop(): Promise<void>;
  /** SIGKILL: a crash, with no chance to finish anything. */
  kill(): Promise<void>;
};

/**
 * A loopback port the system found free (at random, so two workers' consoles are unlikely to pick the
 * same one; it is free again until the console binds it, so not certain).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function stopped(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

/**
 * Starts a console. `name` names its log and (unless `database` is given) a fresh database file;
 * `env` is added to a simulator console's defaults (set CHUANBO_BASE_URL for a configured one).
 */
export async function startConsole(
  name: string,
  {
    env = {},
    database,
    fresh = database === undefined,
    port: chosenPort,
    standalone = false,
  }: {
    env?: Record<string, string>;
    database?: string;
    fresh?: boolean;
    /** From freePort(), when its address must be known before it starts (CONSOLE_URL). */
    port?: number;
    /** Run the shippable folder's server.mjs (.next/standalone, made by npm run build), from there. */
    standalone?: boolean;
  } = {},
): Promise<ConsoleProcess> {
  mkdirSync(dir, { recursive: true });
  const file = database ?? path.join(dir, `${name}.sqlite`);
  if (fresh) for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  const port = chosenPort ?? (await freePort());
  const logFile = path.join(dir, `${name}.log`);
  let output = "";
  const child = spawn(process.execPath, ["server.mjs", "-H", "127.0.0.1"], {
    cwd: standalone ? ".next/standalone" : undefined,
    env: {
      ...process.env,
      PORT: String(port),
      CHUANBO_TIMEOUT_MS: "2500",
      AUTH_SIGN_IN_LIMIT: "1000",
      PUSH_HOURLY_LIMIT: "1000",
      ...env,
      CHUANBO_DATABASE_PATH: path.resolve(file),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [child.stdout, child.stderr]) stream?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const proc: ConsoleProcess = {
    url,
    database: file,
    log: () => output,
    stop: async () => {
      await stopped(child);
      writeFileSync(logFile, output);
    },
    kill: async () => {
      await stopped(child, "SIGKILL");
      writeFileSync(logFile, output);
    },
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`console ${name} exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).status < 500) return proc;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await proc.stop();
  throw new Error(`console ${name} did not start within 60 s:\n${output}`);
}

/** A saved server log, for tests that read what a console printed after it stopped. */
export const savedLog = (name: string) => readFileSync(path.join(dir, `${name}.log`), "utf8");
