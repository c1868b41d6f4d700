import { describe, expect, it } from "vitest";
import { BODY_LIMIT_BYTES, readBodyText } from "@/lib/server/body";

// The one body reader: a declared or counted size over the limit stops reading.

/** A chunked body (no Content-Length) of `total` bytes, sent in pieces; counts how much was pulled. */
function chunked(total: number, piece = 8 * 1024, headers: Record<string, string> = {}) {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent >= total) return controller.close();
        const size = Math.min(piece, total - sent);
        sent += size;
        controller.enqueue(new Uint8Array(size).fill(0x61));
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request("http://console.test/api/pushes", { method: "POST", headers, body: stream, duplex: "half" } as RequestInit);
  return { request, pulled: () => sent };
}

describe("readBodyText", () => {
  it.each([0, 1, BODY_LIMIT_BYTES - 1, BODY_LIMIT_BYTES])("reads a chunked body of %i bytes whole", async (size) => {
    const result = await readBodyText(chunked(size).request);
    expect(result).toEqual({ ok: true, text: "a".repeat(size) });
  });

  it.each([BODY_LIMIT_BYTES + 1, 100 * 1024, 60 * 1024 * 1024])("stops a chunked body of %i bytes just past the limit", async (size) => {
    const { request, pulled } = chunked(size);
    expect(await readBodyText(request)).toEqual({ ok: false });
    expect(pulled()).toBeLessThanOrEqual(BODY_LIMIT_BYTES + 16 * 1024);
  });

  it("refuses a declared Content-Length over the limit without reading a byte", async () => {
    const { request, pulled } = chunked(1024, 1024, { "content-length": String(BODY_LIMIT_BYTES + 1) });
    expect(await readBodyText(request)).toEqual({ ok: false });
    expect(pulled()).toBe(0);
  });

  it("keeps multi-byte characters split across chunks", async () => {
    const bytes = new TextEncoder().encode("台风预警😀");
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
        controller.close();
      },
    });
    const request = new Request("http://console.test/", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect(await readBodyText(request)).toEqual({ ok: true, text: "台风预警😀" });
  });
});
