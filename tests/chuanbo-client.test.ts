import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as z from "zod/mini";
import { groupList, pushCreate, type ClientDeps } from "@/lib/server/chuanbo-client";
import { parseServerConfig } from "@/lib/server/config";
import { nodeTransport } from "@/lib/server/http-transport";
import { logger } from "@/lib/server/log";
import { UpstreamError } from "@/lib/server/upstream-error";
import { pushSchema } from "@/lib/validations/push";
import type { AddressInfo } from "node:net";

// The client against a real HTTP server on loopback: each test says how that server answers.

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
let handler: Handler;
let seen: Array<{ method?: string; url?: string; headers: IncomingMessage["headers"]; body: string }>;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
});

const sleeps: number[] = [];
function deps(env: Record<string, string> = {}): ClientDeps {
  return {
    config: parseServerConfig({ CHUANBO_BASE_URL: baseUrl, CHUANBO_CONNECT_NO: "secret-cn", CHUANBO_TIMEOUT_MS: "300", ...env }),
    transport: nodeTransport,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
  };
}

const reply =
  (status: number, body: unknown, type = "application/json"): Handler =>
  (_req, res) => {
    res.writeHead(status, { "content-type": type });
    res.end(typeof body === "string" ? body : JSON.stringify(body));
  };

const page = { records: [{ id: "7", title: "组", type: "1", tags: [] }], total: "1", size: "10", current: "1", pages: "1" };
const ok = reply(200, { code: 0, message: "success", data: { list: page } });

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UpstreamError);
  return error as UpstreamError;
}

const sms = z.parse(pushSchema, {
  name: "n",
  section_id: 90,
  chuanbo_type_id: 38,
  notify_way: 2,
  chuanbo_group: [1, 2],
  msg_sign_id: 50,
  msg_template: "短信",
});

describe("group_list", () => {
  it("asks with the query string, the credential and the gateway headers, and parses the page", async () => {
    handler = ok;
    const result = await groupList({ current: 2, size: 5 }, deps({ CHUANBO_TENANT_ID: "6", CHUANBO_SIGNING_SECRET: "s" }));
    expect(result.data).toEqual({
      records: [{ id: 7, title: "组", type: 1, department: null, status: null, operate_time: null, operator: null, tags: [], pnum: null }],
      total: 1,
      size: 10,
      current: 1,
      pages: 1,
    });
    const [request] = seen;
    const url = new URL(request!.url!, baseUrl);
    expect(request!.method).toBe("GET");
    expect(url.pathname).toBe("/openapi/chuanbo/group_list");
    expect([...url.searchParams]).toEqual([
      ["connectNo", "secret-cn"],
      ["size", "5"],
      ["current", "2"],
    ]);
    expect(request!.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(request!.headers["x-request-id"]).toBe(result.requestId);
    expect(Number(request!.headers["x-timestamp"])).toBeGreaterThan(Date.now() - 60_000);
    expect(request!.headers["x-tenant-id"]).toBe("6");
    expect(request!.headers["x-signature"]).toMatch(/^[0-9a-f]{64}$/);
    expect(request!.headers.cookie).toBeUndefined();
  });

  it("sends no tenant or signature header when they are not configured", async () => {
    handler = ok;
    await groupList({ current: 1, size: 10 }, deps());
    expect(seen[0]!.headers["x-tenant-id"]).toBeUndefined();
    expect(seen[0]!.headers["x-signature"]).toBeUndefined();
  });

  it("passes the vendor's own message on for code != 0, without retrying", async () => {
    handler = reply(200, { code: 4001, message: "connectNo 已停用" });
    const error = await failure(groupList({ current: 1, size: 10 }, deps()));
    expect(error).toMatchObject({ kind: "rejected", message: "connectNo 已停用", upstreamCode: 4001, maybeDelivered: false });
    expect(seen).toHaveLength(1);
  });

  it("never passes on the credentials a vendor's message echoes, in any spelling", async () => {
    const config = { CHUANBO_CONNECT_NO: 'cn"with/quote', CHUANBO_SIGNING_SECRET: "sign-secret-1" };
    handler = reply(200, '{"code":4003,"message":"connectNo cn\\"with\\/quote 与签名 sign-secret-1 不匹配"}');
    const error = await failure(groupList({ current: 1, size: 10 }, deps(config)));
    expect(error.message).toBe("connectNo *** 与签名 *** 不匹配");
  });

  it("retries a 5xx twice with growing jittered backoff, then gives up with bad_response", async () => {
    sleeps.length = 0;
    handler = reply(503, "<html><body>503</body></html>", "text/html");
    const error = await failure(groupList({ current: 1, size: 10 }, deps()));
    expect(error.kind).toBe("bad_response");
    expect(error.message).toBe("传播通暂时出了故障，请稍后重试；如果一直如此，请联系管理员。");
    expect(seen).toHaveLength(3);
    expect(sleeps).toEqual([150, 300]);
    expect(new Set(seen.map((r) => r.headers["x-request-id"])).size).toBe(3);
  });

  it("recovers when a retry succeeds", async () => {
    let calls = 0;
    handler = (req, res, body) => (++calls === 1 ? reply(500, "oops", "text/plain") : ok)(req, res, body);
    const result = await groupList({ current: 1, size: 10 }, deps());
    expect(result.data.total).toBe(1);
    expect(seen).toHaveLength(2);
  });

  it("does not retry a 4xx or an answer that is not the contract", async () => {
    handler = reply(404, "<html>not found</html>", "text/html");
    expect((await failure(groupList({ current: 1, size: 10 }, deps()))).kind).toBe("bad_response");
    expect(seen).toHaveLength(1);
    seen = [];
    handler = reply(200, '{"code":0,');
    expect((await failure(groupList({ current: 1, size: 10 }, deps()))).kind).toBe("bad_response");
    seen = [];
    handler = reply(200, { code: 0, message: "success", data: { list: { rows: [] } } });
    const error = await failure(groupList({ current: 1, size: 10 }, deps()));
    expect(error.kind).toBe("bad_response");
    expect(seen).toHaveLength(1);
  });

  it("says a breach of the data contract in Chinese alone, and logs where it broke without the credential", async () => {
    const warn = vi.spyOn(logger(), "warn").mockImplementation(() => undefined);
    try {
      for (const data of [{ list: { rows: [] } }, { list: { ...page, records: [{ id: "x", title: 7 }] } }, null, "secret-cn"]) {
        warn.mockClear();
        handler = reply(200, { code: 0, message: "success", data });
        const error = await failure(groupList({ current: 1, size: 10 }, deps()));
        expect(error.kind).toBe("bad_response");
        expect(error.message).toBe("传播通返回的用户组数据无法识别，请联系管理员。");
        expect(warn).toHaveBeenCalledTimes(1);
        const line = JSON.stringify(warn.mock.calls[0]);
        expect(line).toMatch(/Invalid input|expected/);
        expect(line).toContain(error.requestId);
        expect(line).not.toContain("secret-cn");
      }
    } finally {
      warn.mockRestore();
    }
  });

  it("times out by the configured limit and does not retry a timeout", async () => {
    handler = () => undefined; // never answers
    const started = Date.now();
    const error = await failure(groupList({ current: 1, size: 10 }, deps()));
    expect(error.kind).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(seen).toHaveLength(1);
  });

  it("retries a reset connection, then reports the upstream unavailable", async () => {
    handler = (req) => req.socket.destroy();
    const error = await failure(groupList({ current: 1, size: 10 }, deps()));
    expect(error.kind).toBe("unavailable");
    expect(seen).toHaveLength(3);
  });
});

describe("push_create", () => {
  it("posts a multipart form with the vendor's names and the credential", async () => {
    handler = reply(200, { code: 0, message: "success" });
    const result = await pushCreate(sms, deps());
    expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const [request] = seen;
    expect(request!.method).toBe("POST");
    expect(request!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Request("http://x/", {
      method: "POST",
      headers: { "content-type": request!.headers["content-type"]! },
      body: request!.body,
    }).formData();
    expect([...form].map(([k, v]) => [k, String(v)])).toEqual([
      ["connectNo", "secret-cn"],
      ["name", "n"],
      ["section_id", "90"],
      ["chuanbo_type_id", "38"],
      ["notify_way", "2"],
      ["chuanbo_group", "1,2"],
      ["msg_sign_id", "50"],
      ["msg_template", "短信"],
    ]);
  });

  it("is never retried, and says a failed push may have gone out", async () => {
    handler = reply(500, "oops", "text/plain");
    const error = await failure(pushCreate(sms, deps()));
    expect(error).toMatchObject({ kind: "bad_response", maybeDelivered: true });
    expect(seen).toHaveLength(1);

    seen = [];
    handler = (req) => req.socket.destroy();
    const broken = await failure(pushCreate(sms, deps()));
    expect(broken).toMatchObject({ kind: "unavailable", maybeDelivered: true });
    expect(broken.message).toContain("可能已经发出，也可能没有。请先向传播通平台或接收人核实，不要直接重发。");
    expect(seen).toHaveLength(1);

    seen = [];
    handler = () => undefined;
    const hung = await failure(pushCreate(sms, deps()));
    expect(hung).toMatchObject({ kind: "timeout", maybeDelivered: true });
    expect(hung.message).toContain("不要直接重发");
  });

  it("knows a refused connection sent nothing", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const d = deps();
    d.config = parseServerConfig({ CHUANBO_BASE_URL: `http://127.0.0.1:${port}`, CHUANBO_CONNECT_NO: "x" });
    const error = await failure(pushCreate(sms, d));
    expect(error).toMatchObject({ kind: "unavailable", maybeDelivered: false });
  });
});
