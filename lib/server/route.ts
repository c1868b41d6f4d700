import "server-only";
import * as z from "zod/mini";
import { clientIp } from "@/lib/server/audit";
import { assertSameOrigin } from "@/lib/server/auth/same-origin";
import { requireUser, type SessionUser } from "@/lib/server/auth/session";
import { holdsNul, NUL_MESSAGE, readBodyText } from "@/lib/server/body";
import { invalidRequest, jsonResponse, payloadTooLarge, withErrors } from "@/lib/server/http";
import { inRequest, logRequest, requestIdOf, setRequestUser } from "@/lib/server/log";
import { parseSearch } from "@/lib/server/search-params";
import { fieldErrors } from "@/lib/validations/field-errors";
import type { Capability } from "@/lib/auth/roles";
import type { Actor } from "@/lib/server/actor";

// The one way a route handler under app/api is declared (in the spirit of dub's withWorkspace).
// For every request, in this order:
//   1. the body-size limit: the body is read, counted, and refused past 64 KB (server.mjs has already
//      refused a larger Content-Length),
//   2. the same-origin rule for writes (JSON only, from the console's own pages),
//   3. the session and role (`need`), audited when refused,
//   4. zod parsing of the query and the JSON body into typed values (400 with per-field messages),
//   5. the contract's error envelope for whatever the handler throws,
//   6. the request's one log line (id, user, route, status, duration); the id is server.mjs's, also
//      answered in `x-request-id` and sent to the vendor as its push_create's `x-request-id`.
// A handler gets typed values and answers a Response, or a plain object that becomes 200 JSON.

export type Need = "public" | "read" | "send" | "approve" | "settle" | "admin";
const CAPABILITY: Record<Exclude<Need, "public">, Capability> = {
  read: "browse",
  send: "send",
  approve: "approve",
  settle: "settle",
  admin: "admin",
};

type Schema = z.ZodMiniType;
type Parsed<S> = S extends Schema ? z.output<S> : undefined;
type UserOf<N> = N extends "public" ? null : SessionUser;

/** A dynamic segment's values, by name (`[id]` → `params.id`). */
type Params = Record<string, string>;

export type RouteContext<N extends Need, Q, B> = {
  request: Request;
  user: UserOf<N>;
  /** The signed-in user as an actor (null on a public route), with the caller's decided address. */
  actor: N extends "public" ? null : Actor;
  query: Parsed<Q>;
  body: Parsed<B>;
  /** The body as read, within the size limit (writes only). */
  text: string | undefined;
  params: Params;
};

type Spec<N extends Need, Q, B> = {
  need: N;
  /** Parsed from the URL's search parameters (each a string). */
  query?: Q;
  /**
   * Parsed from the JSON body. A function builds the schema per request (it may depend on the
   * configuration), or answers a refusal instead when the request cannot be served at all.
   */
  body?: B | (() => B | Response);
  /**
   * The handler takes the body as text and applies the same-origin rule itself (better-auth's
   * endpoints: an identity provider posts its callback from its own site). Public routes only.
   */
  raw?: true;
};

type NextContext = { params: Promise<Params> };

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function route<N extends Need, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined>(
  spec: Spec<N, Q, B>,
  handler: (ctx: RouteContext<N, Q, B>) => Promise<Response | object> | Response | object,
): (request: Request, context: NextContext) => Promise<Response> {
  return async (request, context) => {
    const requestId = requestIdOf(request);
    const started = performance.now();
    const [response, user] = await inRequest(requestId, () => handle(spec, handler, request, context));
    logRequest({
      requestId,
      method: request.method,
      route: new URL(request.url).pathname,
      status: response.status,
      ms: Math.round(performance.now() - started),
      user,
    });
    return response;
  };
}

function handle<N extends Need, Q extends Schema | undefined, B extends Schema | undefined>(
  spec: Spec<N, Q, B>,
  handler: (ctx: RouteContext<N, Q, B>) => Promise<Response | object> | Response | object,
  request: Request,
  context: NextContext,
): Promise<Response> {
  return withErrors(async () => {
    let text: string | undefined;
    if (WRITES.has(request.method)) {
      const read = await readBodyText(request);
      if (!read.ok) return payloadTooLarge();
      text = read.text;
    }
    let user: SessionUser | null = null;
    if (spec.need === "public") {
      if (!spec.raw) assertSameOrigin(request);
    } else {
      user = await requireUser(request, CAPABILITY[spec.need]);
      setRequestUser(user.username);
    }

    let query: unknown;
    if (spec.query) {
      const parsed = parseSearch(spec.query, new URL(request.url).searchParams);
      if (!parsed.ok) return invalidRequest(parsed.fields, parsed.message);
      query = parsed.query;
    }
    let body: unknown;
    if (spec.body !== undefined) {
      let json: unknown;
      try {
        json = JSON.parse(text ?? "");
      } catch {
        return invalidRequest({}, "请求内容不是有效的 JSON。");
      }
      if (holdsNul(json)) return invalidRequest({}, NUL_MESSAGE);
      const schema = typeof spec.body === "function" ? (spec.body as () => Schema | Response)() : (spec.body as Schema);
      if (schema instanceof Response) return schema;
      const parsed = z.safeParse(schema, json);
      if (!parsed.success) return invalidRequest(fieldErrors(parsed.error));
      body = parsed.data;
    }
    const answer = await handler({
      request,
      user: user as UserOf<N>,
      actor: (user ? { username: user.username, ip: clientIp(request), name: user.name } : null) as RouteContext<N, Q, B>["actor"],
      query: query as Parsed<Q>,
      body: body as Parsed<B>,
      text,
      params: (await context?.params) ?? {},
    });
    return answer instanceof Response ? answer : jsonResponse(answer);
  });
}
