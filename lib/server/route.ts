import "server-only";
import * as z from "zod/mini";
import type { Capability } from "@/lib/auth/roles";
import { clientIp } from "@/lib/server/audit";
import { requireUser, type SessionUser } from "@/lib/server/auth/session";
import { invalidRequest, jsonResponse, readJson, withErrors } from "@/lib/server/http";
import { fieldErrors } from "@/lib/validations/field-errors";

// The one way a route handler under app/api is declared. In order, for every request:
//   1. the body-size limit (readJson counts the bytes; server.mjs already refused a large Content-Length),
//   2. the same-origin rule for writes and 3. the session and role (requireUser does both),
//   4. zod parsing of the query and the JSON body into typed values,
//   5. the contract's error envelope for whatever is thrown.
// A handler gets typed values and answers a Response, or a plain value that becomes 200 JSON.

/** Who acts, for the records and the audit log. */
export type Actor = { username: string; ip: string | null };

type Need = "read" | "send" | "approve" | "admin";
const CAPABILITY: Record<Need, Capability> = { read: "browse", send: "send", approve: "approve", admin: "admin" };

type Schema = z.ZodMiniType;
type Output<S> = S extends Schema ? z.output<S> : undefined;

export type RouteContext<Q, B, P> = {
  request: Request;
  user: SessionUser;
  actor: Actor;
  query: Output<Q>;
  body: Output<B>;
  params: P;
};

type Spec<Q, B> = {
  need: Need;
  /** Parsed from the URL's search parameters (each a string). */
  query?: Q;
  /** Parsed from the JSON body; a function builds the schema per request (it may depend on configuration). */
  body?: B | (() => B);
};

type NextContext<P> = { params: Promise<P> };

export function route<P = Record<string, never>, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined>(
  spec: Spec<Q, B>,
  handler: (ctx: RouteContext<Q, B, P>) => Promise<Response | object> | Response | object,
): (request: Request, context: NextContext<P>) => Promise<Response> {
  return (request, context) =>
    withErrors(async () => {
      // The body is read (and its size limited) before anything else looks at the request.
      const json = spec.body === undefined ? undefined : await readJson(request);
      if (json && !json.ok) return json.response;
      const user = await requireUser(request, CAPABILITY[spec.need]);

      let query: unknown = undefined;
      if (spec.query) {
        const parsed = z.safeParse(spec.query, Object.fromEntries(new URL(request.url).searchParams));
        if (!parsed.success) return invalidRequest(fieldErrors(parsed.error), "查询参数有误。");
        query = parsed.data;
      }
      let body: unknown = undefined;
      if (spec.body !== undefined && json) {
        const schema = typeof spec.body === "function" ? (spec.body as () => Schema)() : spec.body;
        const parsed = z.safeParse(schema as Schema, json.value);
        if (!parsed.success) return invalidRequest(fieldErrors(parsed.error));
        body = parsed.data;
      }
      const params = (await context?.params) ?? ({} as P);
      const answer = await handler({
        request,
        user,
        actor: { username: user.username, ip: clientIp(request) },
        query: query as Output<Q>,
        body: body as Output<B>,
        params,
      });
      return answer instanceof Response ? answer : jsonResponse(answer);
    });
}
