import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import pino, { type Logger } from "pino";
import { serverConfig } from "@/lib/server/config";
import { processSingleton } from "@/lib/server/singleton";

// The server's log: one JSON line per request (lib/server/route.ts, or server.mjs for pages and
// files) and per upstream call (lib/server/chuanbo-client.ts), at LOG_LEVEL. Never the credential,
// never a push's content: no line carries a request's body or the vendor's parameters, and the
// paths below are censored should one ever be passed by mistake.

/** Set by server.mjs on every request (a client's copy is replaced); read here, never trusted from elsewhere. */
export const REQUEST_ID_HEADER = "x-console-request-id";

const CENSORED = ["connectNo", "*.connectNo", "password", "*.password", "headers.cookie", "headers.authorization"];

export const logger = (): Logger =>
  processSingleton("logger", () =>
    pino({
      level: serverConfig().logLevel,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: CENSORED, censor: "***" },
    }),
  );

type RequestContext = {
  /** The console request's id: answered in `x-request-id`, and sent as its push_create's `x-request-id`. */
  id: string;
  user: string | null;
  upstreamIdTaken: boolean;
};

const contexts = () => processSingleton("request-context", () => new AsyncLocalStorage<RequestContext>());

/** Ids server.mjs should not log again: route.ts wrote their line (with the user). */
const routeLogged = () => processSingleton("logged-requests", () => new Set<string>());

export const requestIdOf = (request: Request): string => request.headers.get(REQUEST_ID_HEADER) || randomUUID();

/** Runs a route's work with its request context; answers its value and the user it signed in as, if any. */
export async function inRequest<T>(id: string, run: () => Promise<T>): Promise<[T, string | null]> {
  const context: RequestContext = { id, user: null, upstreamIdTaken: false };
  const value = await contexts().run(context, run);
  return [value, context.user];
}

export function setRequestUser(username: string): void {
  const context = contexts().getStore();
  if (context) context.user = username;
}

export const currentRequestId = (): string | undefined => contexts().getStore()?.id;

/**
 * The `x-request-id` of an upstream call. A request's push_create (at most one; never retried)
 * carries the request's own id, so the id a caller sees in the answer's header, the push's record
 * and the vendor's logs are one. Every other call (group_list, its retries and crawl pages, a
 * scheduled send) gets an id of its own, and its log line names the request's (`consoleRequestId`):
 * the vendor may treat an id as once-only.
 */
export function upstreamRequestId(action: string): string {
  const context = contexts().getStore();
  if (context && action === "push_create" && !context.upstreamIdTaken) {
    context.upstreamIdTaken = true;
    return context.id;
  }
  return randomUUID();
}

/** The signed-in user of a page request, for the line server.mjs writes when the page is out. */
export function notePageUser(headers: Headers, username: string): void {
  const id = headers.get(REQUEST_ID_HEADER);
  if (id) processSingleton("request-users", () => new Map<string, string>()).set(id, username);
}

export function logRequest(line: { requestId: string; method: string; route: string; status: number; ms: number; user: string | null }) {
  routeLogged().add(line.requestId);
  logger().info(line, "request");
}
