import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, fetchJson } from "@/lib/api/fetch-json";
import type { AddressInfo } from "node:net";

// The browser's reading of the contract's error envelope, against a real HTTP server on loopback
// whose answers each test names by path.

const answers: Record<string, { status: number; type?: string; body: string }> = {
  "/ok": { status: 200, body: JSON.stringify({ records: [1, 2] }) },
  "/invalid": {
    status: 400,
    body: JSON.stringify({ error: { code: "invalid_request", message: "提交的内容有误。", fields: { name: "请填写推送名字" } } }),
  },
  "/rejected": {
    status: 502,
    body: JSON.stringify({ error: { code: "upstream_rejected", message: "系统繁忙", upstreamCode: 50001, requestId: "r-1" } }),
  },
  "/push-unknown": {
    status: 504,
    body: JSON.stringify({ error: { code: "upstream_timeout", message: "可能已发出", pushId: "p-9", status: "unknown" } }),
  },
  "/html": { status: 502, type: "text/html", body: "<html><body>502 Bad Gateway</body></html>" },
  "/no-message": { status: 500, body: JSON.stringify({ error: { code: "internal" } }) },
};

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const answer = answers[req.url ?? ""] ?? { status: 404, body: "{}" };
    res.writeHead(answer.status, { "content-type": answer.type ?? "application/json" });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const failure = (path: string) =>
  fetchJson(`${base}${path}`).then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error as ApiError,
  );

describe("fetchJson", () => {
  it("answers the body of a 2xx as it is", async () => {
    expect(await fetchJson(`${base}/ok`)).toEqual({ records: [1, 2] });
  });

  it("reads code, message and per-field messages of a 400", async () => {
    const error = await failure("/invalid");
    expect(error).toBeInstanceOf(ApiError);
    expect([error.status, error.code, error.message]).toEqual([400, "invalid_request", "提交的内容有误。"]);
    expect(error.fields).toEqual({ name: "请填写推送名字" });
    expect(error.push).toBeUndefined();
  });

  it("keeps the vendor's code and the request id of an upstream refusal", async () => {
    const error = await failure("/rejected");
    expect([error.status, error.code, error.message, error.upstreamCode, error.requestId]).toEqual([
      502,
      "upstream_rejected",
      "系统繁忙",
      50001,
      "r-1",
    ]);
  });

  it("keeps the push record a failed send left, and its status", async () => {
    const error = await failure("/push-unknown");
    expect(error.push).toEqual({ id: "p-9", status: "unknown" });
  });

  it("turns an answer that is not the envelope into a Chinese sentence with the status", async () => {
    for (const path of ["/html", "/no-message"]) {
      const error = await failure(path);
      expect(error.code).toBe("unknown");
      expect(error.message).toMatch(/^控制台服务器出错（HTTP (502|500)），请稍后重试。$/);
    }
  });

  it("says the network is down when the server cannot be reached", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await fetchJson<never>(`http://127.0.0.1:${port}/`).catch((e: unknown) => e as ApiError);
    expect([error.status, error.code, error.message]).toEqual([0, "network", "连不上控制台服务器，请检查网络后重试。"]);
  });
});
