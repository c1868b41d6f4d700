import "server-only";

// The one reader of request bodies. server.mjs refuses a Content-Length over the limit before a byte
// is read; a chunked body (no Content-Length) is counted here as it arrives, and reading stops at the limit.

/** Keep in step with BODY_LIMIT_BYTES in server.mjs. */
export const BODY_LIMIT_BYTES = 64 * 1024;

export const PAYLOAD_TOO_LARGE_MESSAGE = `请求内容超过 ${BODY_LIMIT_BYTES / 1024} KB 的上限，没有处理。请精简内容后再试。`;

/** Said when a request carries U+0000, which no text here needs and PostgreSQL cannot store. */
export const NUL_MESSAGE = "内容里有无法保存的空字符（U+0000），没有处理。请删除后重试。";

/** Whether any text in a parsed JSON value or a query holds U+0000 (an escaped "\u0000" in JSON). */
export function holdsNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\0");
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === "object") return Object.entries(value).some(([key, inner]) => key.includes("\0") || holdsNul(inner));
  return false;
}

/** The body as text, or "too_large" as soon as more than BODY_LIMIT_BYTES have arrived (the rest is never read). */
export async function readBodyText(request: Request): Promise<{ ok: true; text: string } | { ok: false }> {
  const declared = Number(request.headers.get("content-length"));
  if (declared > BODY_LIMIT_BYTES) return { ok: false };
  if (!request.body) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > BODY_LIMIT_BYTES) {
      await reader.cancel().catch(() => undefined);
      return { ok: false };
    }
    chunks.push(value);
  }
  return { ok: true, text: new TextDecoder().decode(Buffer.concat(chunks)) };
}
