import { createHmac } from "node:crypto";

// The vendor's page shows an x-signature header (64 hex characters) but not how it is made.
// Until the vendor hands over its scheme, this is ours, documented in the README, and kept in
// this one pure module so it can be swapped without touching the client.
//
//   string-to-sign = METHOD \n PATH \n x-timestamp \n x-request-id \n x-tenant-id (or empty) \n PARAMS
//   PARAMS         = every parameter sent (query or form, connectNo included), sorted by name then
//                    value, each name=value with RFC 3986 percent-encoding of UTF-8, joined by &
//   x-signature    = lowercase hex of HMAC-SHA256(signing secret, string-to-sign)

export type SignatureInput = {
  method: string;
  path: string;
  timestamp: string;
  requestId: string;
  tenantId: string | undefined;
  params: ReadonlyArray<readonly [string, string]>;
};

const rfc3986 = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function canonicalParams(params: SignatureInput["params"]): string {
  return [...params]
    .map(([name, value]) => [rfc3986(name), rfc3986(value)] as const)
    .sort(([an, av], [bn, bv]) => (an === bn ? (av < bv ? -1 : av > bv ? 1 : 0) : an < bn ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
}

export function stringToSign(input: SignatureInput): string {
  return [
    input.method.toUpperCase(),
    input.path,
    input.timestamp,
    input.requestId,
    input.tenantId ?? "",
    canonicalParams(input.params),
  ].join("\n");
}

export function sign(secret: string, input: SignatureInput): string {
  return createHmac("sha256", secret).update(stringToSign(input), "utf8").digest("hex");
}
