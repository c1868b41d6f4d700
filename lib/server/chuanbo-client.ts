import "server-only";
import * as z from "zod/mini";
import { toWireFields, type WireFields } from "@/lib/chuanbo/wire";
import { absoluteIconUrl } from "@/lib/pushes/icon-url";
import { MAY_HAVE_GONE } from "@/lib/pushes/unknown-outcome";
import { serverConfig, type ServerConfig } from "@/lib/server/config";
import { nodeTransport, type Transport } from "@/lib/server/http-transport";
import { currentRequestId, logger, upstreamRequestId } from "@/lib/server/log";
import { metrics, type UpstreamErrorKind } from "@/lib/server/metrics";
import { redactAnswer } from "@/lib/server/redact";
import { sign } from "@/lib/server/signature";
import { UpstreamError } from "@/lib/server/upstream-error";
import { groupPageSchema, type GroupPage } from "@/lib/validations/group";
import type { Push } from "@/lib/validations/push";

// The only code that talks to the vendor. It sends nothing of the browser's (no header, no cookie):
// every request is built here from the configuration and the parsed input.

type Action = "group_list" | "push_create";

const envelopeSchema = z.object({
  code: z.pipe(z.union([z.number(), z.string().check(z.regex(/^-?\d+$/))]), z.transform(Number)),
  message: z.optional(z.nullable(z.string())),
  data: z.optional(z.unknown()),
});

const groupListDataSchema = z.object({ list: groupPageSchema });

const MAX_RETRIES = 2;

export type CallResult<T> = { data: T; requestId: string; message: string };

export type ClientDeps = {
  config: ServerConfig;
  transport: Transport;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
};

const defaultDeps = (): ClientDeps => ({
  config: serverConfig(),
  transport: nodeTransport,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
});

/** Full jitter: anywhere between 0 and 150 ms × 2^attempt. */
const backoffMs = (attempt: number, random: () => number) => Math.round(random() * 150 * 2 ** attempt);

function buildRequest(config: ServerConfig, action: Action, method: "GET" | "POST", params: WireFields) {
  const { baseUrl, connectNo } = config.upstream;
  const all: WireFields = [["connectNo", connectNo], ...params];
  const url = new URL(`${baseUrl}/openapi/chuanbo/${action}`);
  const requestId = upstreamRequestId(action);
  const timestamp = String(Date.now());
  const headers = new Headers({ accept: "application/json", "x-request-id": requestId, "x-timestamp": timestamp });
  if (config.tenantId) headers.set("x-tenant-id", config.tenantId);
  if (config.signingSecret) {
    headers.set(
      "x-signature",
      sign(config.signingSecret, { method, path: url.pathname, timestamp, requestId, tenantId: config.tenantId, params: all }),
    );
  }
  let body: FormData | undefined;
  // The vendor's page shows --form even on the GET. A GET body is unusual (fetch refuses one, and
  // proxies may drop it), so group_list's parameters go in the query string: this is the one place
  // that decides it, should the vendor say otherwise.
  if (method === "GET") {
    for (const [name, value] of all) url.searchParams.append(name, value);
  } else {
    body = new FormData();
    for (const [name, value] of all) body.append(name, value);
  }
  return { url, requestId, method, headers, body };
}

/** One log line and the metrics of one attempt. `error` is the failure's kind, if it failed. */
function logCall(
  action: Action,
  requestId: string,
  attempt: number,
  started: number,
  outcome: string,
  error?: UpstreamErrorKind,
  message?: string,
) {
  const seconds = (performance.now() - started) / 1000;
  const m = metrics();
  m.upstreamDuration.observe({ action }, seconds);
  if (error) m.upstreamErrors.inc({ action, kind: error });
  // Never the URL or the parameters: they carry connectNo and the push's content. A vendor's
  // message is logged only redacted.
  const request = currentRequestId();
  logger().info(
    {
      action,
      requestId,
      ...(request && request !== requestId ? { consoleRequestId: request } : {}),
      attempt,
      ms: Math.round(seconds * 1000),
      outcome,
      ...(message ? { message } : {}),
    },
    "upstream",
  );
}

async function call(
  deps: ClientDeps,
  action: Action,
  method: "GET" | "POST",
  params: WireFields,
  retry: boolean,
): Promise<{ data: unknown; requestId: string; message: string }> {
  const attempts = retry ? MAX_RETRIES + 1 : 1;
  let lastError: UpstreamError | undefined;
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0) await deps.sleep(backoffMs(attempt, deps.random));
    const { url, requestId, headers, body } = buildRequest(deps.config, action, method, params);
    const started = performance.now();
    const signal = AbortSignal.timeout(deps.config.timeoutMs);
    let status: number;
    let answer: { text: string; json: unknown };
    try {
      const response = await deps.transport(url, { method, headers, body, signal });
      status = response.status;
      // The boundary where vendor text enters: the credentials it may echo go no further.
      answer = redactAnswer(response.text, [deps.config.upstream.connectNo, deps.config.signingSecret]);
    } catch (error) {
      if (signal.aborted) {
        logCall(action, requestId, attempt, started, "timeout", "timeout");
        throw new UpstreamError(
          "timeout",
          `传播通在 ${Math.round(deps.config.timeoutMs / 1000)} 秒内没有应答。${action === "push_create" ? MAY_HAVE_GONE : "请稍后重试。"}`,
          requestId,
        );
      }
      const refused = isConnectRefused(error);
      logCall(action, requestId, attempt, started, refused ? "refused" : "unavailable", refused ? "refused" : "unavailable");
      lastError = new UpstreamError(
        "unavailable",
        action === "push_create" && !refused
          ? `连接传播通时中断。${MAY_HAVE_GONE}`
          : "连接不上传播通，请稍后重试；如果一直如此，请联系管理员检查网络与配置。",
        requestId,
        undefined,
        !refused,
      );
      continue;
    }
    const envelope = parseEnvelope(answer.json);
    const rejected = envelope && envelope.code !== 0 ? envelope : undefined;
    const malformed = !rejected && (!envelope || status < 200 || status >= 300);
    logCall(
      action,
      requestId,
      attempt,
      started,
      `http ${status}`,
      rejected ? "rejected" : malformed ? "bad_response" : undefined,
      rejected ? `code ${rejected.code}: ${rejected.message ?? ""}` : malformed ? malformedDetail(answer.text) : undefined,
    );
    if (rejected) {
      throw new UpstreamError(
        "rejected",
        rejected.message?.trim() || `传播通拒绝了这次请求（code ${rejected.code}），没有说明原因。`,
        requestId,
        rejected.code,
        false,
      );
    }
    if (!envelope || status < 200 || status >= 300) {
      // In words an editor can act on; the HTTP status and what came back are in the log line above.
      lastError = new UpstreamError(
        "bad_response",
        `${status >= 500 ? "传播通暂时出了故障" : "传播通的应答无法识别"}，请稍后重试；如果一直如此，请联系管理员。`,
        requestId,
      );
      if (status >= 500) continue;
      throw lastError;
    }
    return { data: envelope.data, requestId, message: envelope.message ?? "" };
  }
  throw lastError ?? new UpstreamError("unavailable", "连接不上传播通，请稍后重试。", "");
}

/** A refused connection never reached the vendor, so even push_create can say for sure it was not sent. */
function isConnectRefused(error: unknown): boolean {
  return (error as { code?: string } | undefined)?.code === "ECONNREFUSED";
}

/** What came back instead of the vendor's envelope, for the log: a gateway's web page, or something else. */
function malformedDetail(text: string) {
  return /^\s*</.test(text) ? "not the envelope: a web page" : "not the envelope";
}

function parseEnvelope(json: unknown) {
  if (json === undefined) return undefined;
  const parsed = z.safeParse(envelopeSchema, json);
  return parsed.success ? parsed.data : undefined;
}

export async function groupList(
  query: { current: number; size: number },
  deps: ClientDeps = defaultDeps(),
): Promise<CallResult<GroupPage>> {
  const result = await call(
    deps,
    "group_list",
    "GET",
    [
      ["size", String(query.size)],
      ["current", String(query.current)],
    ],
    true,
  );
  const parsed = z.safeParse(groupListDataSchema, result.data);
  if (!parsed.success) throw contractBreach("group_list", result.requestId, parsed.error);
  return { data: parsed.data.list, requestId: result.requestId, message: result.message };
}

export async function pushCreate(push: Push, deps: ClientDeps = defaultDeps()): Promise<CallResult<null>> {
  // A console path (/icons/…) leaves as an absolute address: phones load it from the console.
  const icon =
    push.notify_way === 1 && push.push_icon !== undefined ? { push_icon: absoluteIconUrl(push.push_icon, deps.config.consoleUrl) } : {};
  const result = await call(deps, "push_create", "POST", toWireFields({ ...push, ...icon }), false);
  return { data: null, requestId: result.requestId, message: result.message };
}

const CONTRACT_BREACH: Partial<Record<Action, string>> = { group_list: "传播通返回的用户组数据无法识别，请联系管理员。" };

/**
 * A well-formed answer whose data breaks the contract: people read one Chinese sentence; where it
 * broke (zod's English, paths only, never a value: the answer was redacted before parsing anyway)
 * goes to the server's log for the administrator.
 */
function contractBreach(action: Action, requestId: string, error: z.core.$ZodError): UpstreamError {
  metrics().upstreamErrors.inc({ action, kind: "bad_response" });
  const issues = error.issues.slice(0, 3).map((issue) => `${issue.path.join(".") || "data"}: ${issue.message}`);
  logger().warn({ action, requestId, issues }, "upstream contract");
  return new UpstreamError("bad_response", CONTRACT_BREACH[action] ?? "传播通的应答无法识别，请联系管理员。", requestId);
}
