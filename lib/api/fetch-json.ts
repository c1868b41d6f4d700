import { OFFLINE } from "@/lib/api/offline";
import type { ApiErrorBody } from "@/lib/api/error-body";

// The browser's side of the contract: every route answers JSON, failures in one envelope.

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly upstreamCode?: number,
    readonly requestId?: string,
    /** POST /api/pushes: the console's record of the attempt, and whether it may have gone out. */
    readonly push?: { id?: string; status?: string },
  ) {
    super(message);
  }
}

function pushOf(envelope: object): ApiError["push"] {
  const { pushId, status } = envelope as { pushId?: unknown; status?: unknown };
  if (typeof pushId !== "string" && typeof status !== "string") return undefined;
  return {
    ...(typeof pushId === "string" ? { id: pushId } : {}),
    ...(typeof status === "string" ? { status } : {}),
  };
}

export async function fetchJson<T>(input: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(input, { ...init, headers: { accept: "application/json", ...init?.headers } });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError(0, "network", OFFLINE);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return body as T;
  const envelope = (body as Partial<ApiErrorBody> | undefined)?.error;
  if (envelope && typeof envelope.message === "string") {
    throw new ApiError(
      response.status,
      envelope.code ?? "unknown",
      envelope.message,
      envelope.fields,
      envelope.upstreamCode,
      envelope.requestId,
      pushOf(envelope),
    );
  }
  throw new ApiError(response.status, "unknown", `控制台服务器出错（HTTP ${response.status}），请稍后重试。`);
}

/** A state-changing call: JSON, as every such route requires (and a cross-site form cannot send). */
export function sendJson<T>(method: "POST" | "PATCH" | "DELETE", url: string, body: unknown, headers?: Record<string, string>): Promise<T> {
  return fetchJson<T>(url, { method, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
}
