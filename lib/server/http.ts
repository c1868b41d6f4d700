import "server-only";
import { AccessError } from "@/lib/server/auth/errors";
import { PAYLOAD_TOO_LARGE_MESSAGE, readBodyText } from "@/lib/server/body";
import { ConfigError } from "@/lib/server/config";
import { logger } from "@/lib/server/log";
import { UpstreamError, type UpstreamErrorKind } from "@/lib/server/upstream-error";
import type { ApiErrorBody } from "@/lib/api/error-body";

// The contract's error envelope (docs/console-api.md), and the one place that maps failures to statuses.

const NO_STORE = { "cache-control": "no-store" };

export function jsonResponse(body: unknown, status = 200, headers?: HeadersInit): Response {
  const h = new Headers(headers);
  for (const [k, v] of Object.entries(NO_STORE)) h.set(k, v);
  return Response.json(body, { status, headers: h });
}

export function apiError(status: number, code: string, message: string, extra: Omit<ApiErrorBody["error"], "code" | "message"> = {}) {
  return jsonResponse({ error: { code, message, ...extra } } satisfies ApiErrorBody, status);
}

export function invalidRequest(fields: Record<string, string>, message = "提交的内容有误，请按提示修改后再试。") {
  return apiError(400, "invalid_request", message, { fields });
}

const UPSTREAM_STATUS: Record<UpstreamErrorKind, { status: number; code: string }> = {
  rejected: { status: 502, code: "upstream_rejected" },
  bad_response: { status: 502, code: "upstream_bad_response" },
  unavailable: { status: 502, code: "upstream_unavailable" },
  timeout: { status: 504, code: "upstream_timeout" },
};

export function errorResponse(error: unknown): Response {
  if (error instanceof AccessError) return apiError(error.status, error.code, error.message);
  if (error instanceof UpstreamError) {
    const { status, code } = UPSTREAM_STATUS[error.kind];
    return apiError(status, code, error.message, {
      ...(error.upstreamCode === undefined ? {} : { upstreamCode: error.upstreamCode }),
      ...(error.requestId ? { requestId: error.requestId } : {}),
    });
  }
  if (error instanceof ConfigError) {
    console.error(error.message);
    return apiError(500, "misconfigured", "控制台配置有误，请联系管理员查看服务器日志。");
  }
  logger().error({ err: error }, "unexpected error");
  return apiError(500, "internal", "控制台出了意外错误，请稍后重试；如果一直如此，请联系管理员。");
}

/** Runs a handler and turns whatever it throws into the contract's envelope. */
export async function withErrors(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    return errorResponse(error);
  }
}

export const payloadTooLarge = () => apiError(413, "payload_too_large", PAYLOAD_TOO_LARGE_MESSAGE);

/** The request body as JSON, insisting on the content type the contract names, and read within the size limit. */
export async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    return { ok: false, response: apiError(415, "unsupported_media_type", "请求须以 application/json 提交。") };
  }
  const body = await readBodyText(request);
  if (!body.ok) return { ok: false, response: payloadTooLarge() };
  try {
    return { ok: true, value: JSON.parse(body.text) };
  } catch {
    return { ok: false, response: invalidRequest({}, "请求内容不是有效的 JSON。") };
  }
}

/**
 * For a handler that reads the body itself (better-auth): the same request with its body already
 * read within the limit, or the 413 answer.
 */
export async function withinBodyLimit(request: Request): Promise<Request | Response> {
  if (request.method === "GET" || request.method === "HEAD") return request;
  const body = await readBodyText(request);
  if (!body.ok) return payloadTooLarge();
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  return new Request(request.url, { method: request.method, headers, body: body.text, signal: request.signal });
}
