// The console's HTTP server: Next's own request handler behind two checks that only the socket can make.
//   - x-console-peer: the TCP peer's address, set here on every request (any copy a client sent is
//     replaced). Next keeps a client-sent X-Forwarded-For as it is, so without this the server could
//     not tell a caller's real address from an invented one (lib/server/client-address.ts decides).
//   - A JSON body larger than the limit is refused with 413 before a byte of it is read, when its
//     Content-Length says so; chunked bodies are counted as they are read (lib/server/body.ts).
// `npm start` and the tests run this file; `next start` alone would lose both.
import { createServer } from "node:http";
import next from "next";

export const PEER_HEADER = "x-console-peer";
/** Keep in step with BODY_LIMIT_BYTES in lib/server/body.ts. */
const BODY_LIMIT_BYTES = 64 * 1024;

const dev = process.argv.includes("--dev");
const hostname = process.argv.includes("-H") ? process.argv[process.argv.indexOf("-H") + 1] : undefined;
const port = Number(process.env.PORT || 3000);

const tooLarge = JSON.stringify({
  error: { code: "payload_too_large", message: `请求内容超过 ${BODY_LIMIT_BYTES / 1024} KB 的上限，没有处理。请精简内容后再试。` },
});

const app = next({ dev, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
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
  console.info(JSON.stringify({ at: "server", msg: `传播通控制台已启动：http://${hostname ?? "localhost"}:${port}`, dev }));
});
