import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// For component tests (jsdom): a real HTTP server on loopback that the page appears to be served
// from, so the browser code's relative fetch("/api/…") reaches it as it would reach the console.

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

/** Node's fetch resolves relative URLs against this origin (undici's global origin), as a page does. */
const UNDICI_ORIGIN = Symbol.for("undici.globalOrigin.1");

export async function servePage(handler: Handler): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => handler(request, body, response));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The page's own address (vitest's jsdom environment exposes its JSDOM as `jsdom`).
  (globalThis as unknown as { jsdom: { reconfigure: (options: { url: string }) => void } }).jsdom.reconfigure({ url: `${origin}/` });
  Object.defineProperty(globalThis, UNDICI_ORIGIN, { value: new URL(location.origin), configurable: true, writable: true });
  return {
    origin,
    close: () => {
      delete (globalThis as Record<symbol, unknown>)[UNDICI_ORIGIN];
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
