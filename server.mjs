// The console's HTTP server: Next's own request handler behind checks that only the socket can make.
//   - x-console-peer: the TCP peer's address, set here on every request (any copy a client sent is
//     replaced). Next keeps a client-sent X-Forwarded-For as it is, so without this the server could
//     not tell a caller's real address from an invented one (lib/server/client-address.ts decides).
//   - A JSON body larger than the limit is refused with 413 before a byte of it is read, when its
//     Content-Length says so; chunked bodies are counted as they are read (lib/server/body.ts).
//   - x-console-request-id: a fresh id per request (any client copy replaced), answered in
//     `x-request-id`; lib/server/route.ts logs API requests under it (with the user) and sends it to
//     the vendor, and this file logs every other request (pages, files, 413): one JSON line each.
// `npm start` and the tests run this file; `next start` alone would lose all three. It runs from the
// repository after `next build`, and from `.next/standalone` (scripts/standalone.mjs copies it there).
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import pino from "pino";

export const PEER_HEADER = "x-console-peer";
/** Keep in step with REQUEST_ID_HEADER in lib/server/log.ts. */
const REQUEST_ID_HEADER = "x-console-request-id";
/** Keep in step with BODY_LIMIT_BYTES in lib/server/body.ts. */
const BODY_LIMIT_BYTES = 64 * 1024;
/** Ids whose line lib/server/route.ts wrote, and pages' signed-in users (lib/server/log.ts's processSingletons). */
const ROUTE_LOGGED = Symbol.for("chuanbo-console.logged-requests");
const PAGE_USERS = Symbol.for("chuanbo-console.request-users");

const dev = process.argv.includes("--dev");
const hostname = process.argv.includes("-H") ? process.argv[process.argv.indexOf("-H") + 1] : undefined;
const port = Number(process.env.PORT || 3000);
// LOG_LEVEL is checked, with a sentence in Chinese, by lib/server/config.ts when Next starts; a
// value pino does not know must not stop this file before that check can say so.
const level = process.env.LOG_LEVEL?.trim().toLowerCase() || "info";
const log = pino({
  level: level in pino.levels.values || level === "silent" ? level : "info",
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
});

// A production start runs on the configuration the build wrote (as the server.js Next generates in
// .next/standalone does): the standalone folder has no next.config.mjs, and the repository's is
// the same one, already applied. The standalone folder works from itself (data/, the options).
const root = path.dirname(fileURLToPath(import.meta.url));
const standalone = !dev && !existsSync(path.join(root, "next.config.mjs"));
let conf;
if (!dev) {
  const built = path.join(root, ".next", "required-server-files.json");
  if (!existsSync(built)) {
    console.error("没有找到构建结果（.next/required-server-files.json）：请先运行 npm run build。");
    process.exit(1);
  }
  conf = JSON.parse(readFileSync(built, "utf8")).config;
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(conf);
  process.env.NODE_ENV = "production";
}
if (standalone) process.chdir(root);

const tooLarge = JSON.stringify({
  error: { code: "payload_too_large", message: `请求内容超过 ${BODY_LIMIT_BYTES / 1024} KB 的上限，没有处理。请精简内容后再试。` },
});

const app = next({ dev, hostname, port, dir: root, ...(conf ? { conf } : {}) });
const handle = app.getRequestHandler();
await app.prepare();

function logRequest(req, res, requestId, started) {
  const user = globalThis[PAGE_USERS]?.get(requestId) ?? null;
  globalThis[PAGE_USERS]?.delete(requestId);
  if (globalThis[ROUTE_LOGGED]?.delete(requestId)) return;
  const route = (req.url ?? "/").split("?")[0];
  const ms = Math.round(performance.now() - started);
  log.info({ requestId, method: req.method, route, status: res.statusCode, ms, user }, "request");
}

const server = createServer((req, res) => {
  const requestId = randomUUID();
  const started = performance.now();
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  req.headers[REQUEST_ID_HEADER] = requestId;
  res.setHeader("x-request-id", requestId);
  res.once("close", () => logRequest(req, res, requestId, started));
  const length = Number(req.headers["content-length"] ?? 0);
  if (length > BODY_LIMIT_BYTES) {
    res.writeHead(413, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", connection: "close" });
    // The body is never read: the connection closes once the answer is out.
    res.end(tooLarge);
    return;
  }
  handle(req, res);
});
// Longer than the proxies' and clients' idle timeouts in front of it (60 s is common), so that the
// server never closes a kept-alive connection just as a client sends on it.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, hostname, () => {
  log.info({ dev, standalone }, `传播通控制台已启动：http://${hostname ?? "localhost"}:${port}`);
});
