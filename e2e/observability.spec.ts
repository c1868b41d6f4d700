import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { CONFIGURED_URL, SIM_URL, TEST_CONNECT_NO, TEST_PUSH_MARKER, VENDOR_URL } from "../playwright.config";
import { CONFIGURED_EDITOR, STATE } from "./support/auth";
import { startConsole, type ConsoleProcess } from "./support/console-process";
import { consoleDir } from "./support/server-set";
import { signedIn } from "./support/signed-in";

// Logs (one JSON line per request and per upstream call, under the id the vendor receives) and
// metrics (GET /api/metrics, Prometheus text, behind METRICS_TOKEN), over real HTTP.

type LogLine = {
  msg?: string;
  requestId?: string;
  consoleRequestId?: string;
  route?: string;
  status?: number;
  ms?: number;
  user?: string | null;
};
const lines = (text: string): LogLine[] =>
  text
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as LogLine);
const CONFIGURED_LOG = `${consoleDir}/configured.log`;
const SIM_LOG = `${consoleDir}/sim.log`;

// A push whose content must not reach the log (the fake vendor has groups 1000 and 1002, with 人数).
const markedPush = {
  name: "日志检查",
  section_id: 90,
  chuanbo_type_id: 38,
  chuanbo_group: [1000],
  notify_way: 3,
  voice_content: TEST_PUSH_MARKER,
};
const send = (request: APIRequestContext, data: object) =>
  request.post("/api/pushes", { data, headers: { "Idempotency-Key": crypto.randomUUID() } });

test.describe("logs", () => {
  test.use({ baseURL: CONFIGURED_URL, storageState: STATE.configuredEditor });

  test("a push: one request line (id, user, route, status, duration) and one push_create line under the id the vendor received and the answer's header; no content, no credential", async ({
    request,
  }) => {
    await request.delete(`${VENDOR_URL}/__requests`);
    const response = await send(request, markedPush);
    expect(response.status()).toBe(201);
    const id = response.headers()["x-request-id"];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    // The same id went to the vendor and is the record's.
    const calls = (await (await request.get(`${VENDOR_URL}/__requests`)).json()) as Array<{
      path: string;
      headers: Record<string, string>;
    }>;
    const pushCalls = calls.filter((call) => call.path === "/openapi/chuanbo/push_create");
    expect(pushCalls.map((call) => call.headers["x-request-id"])).toEqual([id]);
    // Any other call (the group lookup) had an id of its own: the vendor never sees one id twice.
    expect(calls.filter((call) => call.headers["x-request-id"] === id)).toHaveLength(1);
    expect((await response.json()).requestId).toBe(id);

    await expect.poll(() => lines(readFileSync(CONFIGURED_LOG, "utf8")).filter((l) => l.requestId === id).length).toBe(2);
    const mine = lines(readFileSync(CONFIGURED_LOG, "utf8")).filter((l) => l.requestId === id);
    expect(mine.find((l) => l.msg === "request")).toMatchObject({ route: "/api/pushes", status: 201, user: CONFIGURED_EDITOR.username });
    expect(Number.isInteger(mine.find((l) => l.msg === "request")?.ms)).toBe(true);
    expect(mine.find((l) => l.msg === "upstream")).toMatchObject({ action: "push_create", outcome: "http 200" });
    const text = readFileSync(CONFIGURED_LOG, "utf8");
    expect(text).not.toContain(TEST_PUSH_MARKER);
    expect(text).not.toContain(TEST_CONNECT_NO);
  });

  test("a client's own x-request-id and x-console-request-id are not believed; a page gets exactly one line too", async ({ request }) => {
    const forged = "forged-request-id-0001";
    const api = await request.get("/api/options", { headers: { "x-request-id": forged, "x-console-request-id": forged } });
    expect(api.status()).toBe(200);
    const page = await request.get("/history", { headers: { "x-console-request-id": forged } });
    expect(page.status()).toBe(200);
    const ids = [api.headers()["x-request-id"], page.headers()["x-request-id"]];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await expect
      .poll(() => ids.map((id) => lines(readFileSync(CONFIGURED_LOG, "utf8")).filter((l) => l.requestId === id).length))
      .toEqual([1, 1]);
    const all = lines(readFileSync(CONFIGURED_LOG, "utf8"));
    expect(all.find((l) => l.requestId === ids[0])).toMatchObject({
      msg: "request",
      route: "/api/options",
      status: 200,
      user: CONFIGURED_EDITOR.username,
    });
    expect(all.find((l) => l.requestId === ids[1])).toMatchObject({
      msg: "request",
      route: "/history",
      status: 200,
      user: CONFIGURED_EDITOR.username,
    });
    expect(all.some((l) => l.requestId === forged || l.consoleRequestId === forged)).toBe(false);
  });

  test("on the simulator too: a push's content and the credential stay out of the log", async () => {
    const request = await signedIn(SIM_URL, "demo-editor");
    const groups = (await (await request.get("/api/groups?size=5")).json()) as { records: Array<{ id: number; pnum: number | null }> };
    const group = groups.records.find((g) => g.pnum !== null && g.pnum < 1000) ?? groups.records[0]!;
    const response = await send(request, { ...markedPush, chuanbo_group: [group.id] });
    expect(response.status()).toBe(201);
    const id = response.headers()["x-request-id"];
    await expect.poll(() => lines(readFileSync(SIM_LOG, "utf8")).some((l) => l.msg === "request" && l.requestId === id)).toBe(true);
    const text = readFileSync(SIM_LOG, "utf8");
    expect(text).not.toContain(TEST_PUSH_MARKER);
    expect(text).not.toContain(TEST_CONNECT_NO);
    await request.dispose();
  });
});

test.describe("metrics", () => {
  const TOKEN = "metrics-token-for-tests-0123456789";
  let metricsConsole: ConsoleProcess;
  test.beforeAll(async () => {
    metricsConsole = await startConsole("metrics", { env: { METRICS_TOKEN: TOKEN } });
  });
  test.afterAll(async () => {
    await metricsConsole?.stop();
  });

  const read = (request: APIRequestContext, url: string, authorization?: string) =>
    request.get(`${url}/api/metrics`, { headers: authorization ? { authorization } : {} });
  const value = (text: string, series: string) => {
    const line = text.split("\n").find((l) => l.startsWith(`${series} `));
    return line ? Number(line.slice(series.length + 1)) : 0;
  };

  test("without METRICS_TOKEN the route is 404; with it, no token or a wrong one is 401 and the right one reads Prometheus text", async ({
    request,
  }) => {
    expect((await read(request, SIM_URL, `Bearer ${TOKEN}`)).status()).toBe(404);
    const none = await read(request, metricsConsole.url);
    expect(none.status()).toBe(401);
    expect((await none.json()).error.code).toBe("unauthenticated");
    for (const wrong of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, "Bearer ", TOKEN, `Basic ${TOKEN}`]) {
      expect((await read(request, metricsConsole.url, wrong)).status(), wrong).toBe(401);
    }
    const right = await read(request, metricsConsole.url, `Bearer ${TOKEN}`);
    expect(right.status()).toBe(200);
    expect(right.headers()["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await right.text();
    for (const name of [
      "chuanbo_pushes_awaiting_approval",
      "chuanbo_pushes_scheduled_next_hour",
      "chuanbo_group_index_groups",
      "chuanbo_upstream_duration_seconds",
      "chuanbo_upstream_errors_total",
      "chuanbo_sign_in_failures_total",
      "chuanbo_pushes_total",
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
  });

  test("a push moves the pushes counter and the upstream histogram; a wrong password moves the sign-in failures", async ({ request }) => {
    const before = await (await read(request, metricsConsole.url, `Bearer ${TOKEN}`)).text();
    const editor = await signedIn(metricsConsole.url, "demo-editor");
    const groups = (await (await editor.get("/api/groups?size=5")).json()) as { records: Array<{ id: number; pnum: number | null }> };
    const group = groups.records.find((g) => g.pnum !== null && g.pnum < 1000) ?? groups.records[0]!;
    const sent = await send(editor, { ...markedPush, chuanbo_group: [group.id] });
    expect(sent.status()).toBe(201);
    const wrong = await request.post(`${metricsConsole.url}/api/auth/sign-in/username`, {
      data: { username: "demo-editor", password: "not-the-password" },
    });
    expect(wrong.status()).toBe(401);
    await editor.dispose();

    const after = await (await read(request, metricsConsole.url, `Bearer ${TOKEN}`)).text();
    const pushes = 'chuanbo_pushes_total{channel="voice",outcome="sent",test="false"}';
    expect(value(after, pushes)).toBe(value(before, pushes) + 1);
    const calls = 'chuanbo_upstream_duration_seconds_count{action="push_create"}';
    expect(value(after, calls)).toBe(value(before, calls) + 1);
    const failures = 'chuanbo_sign_in_failures_total{reason="password"}';
    expect(value(after, failures)).toBe(value(before, failures) + 1);
    expect(value(after, "chuanbo_group_index_groups")).toBeGreaterThan(0);
    expect(after).toMatch(/^chuanbo_group_index_age_seconds \d/m);
    expect(after).not.toContain(TEST_PUSH_MARKER);
  });
});
