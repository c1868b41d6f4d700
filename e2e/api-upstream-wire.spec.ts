import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { sign } from "../lib/server/signature";
import { CONFIGURED_URL, SIM_URL, TEST_CONNECT_NO, VENDOR_URL } from "../playwright.config";
import { sessionCookie, STATE } from "./support/auth";
import { consoleDir } from "./support/server-set";

// The console configured against an independent fake vendor (e2e/support/fake-vendor.mjs):
// what it sends over the wire, and how it answers when the vendor misbehaves.

type VendorRequest = {
  method: string;
  path: string;
  query: Array<[string, string]>;
  headers: Record<string, string>;
  fields: Array<[string, string]>;
};

test.use({ baseURL: CONFIGURED_URL, storageState: STATE.configuredEditor });

const seenBodies: string[] = [];
async function remember(response: APIResponse) {
  seenBodies.push(await response.text(), JSON.stringify(response.headers()));
  return response;
}

async function vendor(request: APIRequestContext, action?: "group_list" | "push_create") {
  const calls = (await (await request.get(`${VENDOR_URL}/__requests`)).json()) as VendorRequest[];
  return action ? calls.filter((call) => call.path === `/openapi/chuanbo/${action}`) : calls;
}
async function script(request: APIRequestContext, steps: Array<{ kind: string; action?: string; code?: number; message?: string }>) {
  await request.post(`${VENDOR_URL}/__script`, { data: steps });
}

const post = (request: APIRequestContext, data: unknown) =>
  request.post("/api/pushes", {
    data,
    headers: {
      "Idempotency-Key": crypto.randomUUID(),
      cookie: `JSESSIONID=browser-session; ${sessionCookie(STATE.configuredEditor)}`,
      "x-forwarded-for": "10.0.0.9",
    },
  });

// Groups the fake vendor has, with 人数 (an unknown one would be held for approval).
const common = { name: "台风预警", section_id: 90, chuanbo_type_id: 38, chuanbo_group: [1000, 1002] };

test.beforeEach(async ({ request }) => {
  await request.delete(`${VENDOR_URL}/__requests`);
});

test("GET /api/groups?current=2&size=5 asks group_list for that page with the credential and gateway headers", async ({ request }) => {
  const response = await remember(
    await request.get("/api/groups?current=2&size=5", {
      headers: { cookie: `JSESSIONID=abc; ${sessionCookie(STATE.configuredEditor)}`, "x-custom": "browser" },
    }),
  );
  expect(response.status()).toBe(200);
  const page = await response.json();
  expect(page).toMatchObject({ total: 23, size: 5, current: 2, pages: 5 });
  expect(page.records[0]).toEqual({
    id: 1005,
    title: "外部用户组1005",
    type: 2,
    department: "外部部门",
    status: 1,
    operate_time: "2024-06-06 15:19:04",
    operator: "demo6",
    pnum: null,
    tags: [expect.objectContaining({ tag_code: "work_unit", tag_name: "工作单位", relational_symbols: "value", value1: "太平街道" })],
  });
  expect(page.records[0]).not.toHaveProperty("extra_field");

  const [call] = await vendor(request);
  expect(call).toMatchObject({ method: "GET", path: "/openapi/chuanbo/group_list" });
  expect(call!.query).toEqual([
    ["connectNo", TEST_CONNECT_NO],
    ["size", "5"],
    ["current", "2"],
  ]);
  const h = call!.headers;
  expect(h["x-request-id"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(Math.abs(Number(h["x-timestamp"]) - Date.now())).toBeLessThan(60_000);
  expect(h["x-tenant-id"]).toBe("6");
  expect(h["x-signature"]).toBe(
    sign("test-signing-secret", {
      method: "GET",
      path: call!.path,
      timestamp: h["x-timestamp"]!,
      requestId: h["x-request-id"]!,
      tenantId: "6",
      params: call!.query,
    }),
  );
  expect(h.cookie).toBeUndefined();
  expect(h["x-custom"]).toBeUndefined();
});

const channels = [
  {
    label: "系统通知",
    body: {
      ...common,
      notify_way: 1,
      push_title: "台风来了",
      push_content: "请注意防范",
      push_icon: "https://img.example.com/a.png",
      link_type: 2,
      link_content: "8848",
      msg_template: "不该发出",
      voice_content: "不该发出",
    },
    fields: [
      ["notify_way", "1"],
      ["chuanbo_group", "1000,1002"],
      ["link_type", "2"],
      ["link_content", "8848"],
      ["push_icon", "https://img.example.com/a.png"],
      ["push_title", "台风来了"],
      ["push_content", "请注意防范"],
    ],
  },
  {
    label: "短信推送",
    body: { ...common, notify_way: 2, task_tag: "防汛", msg_sign_id: 50, msg_template: "明天有台风，请减少外出。", push_title: "不该发出" },
    fields: [
      ["notify_way", "2"],
      ["task_tag", "防汛"],
      ["chuanbo_group", "1000,1002"],
      ["msg_sign_id", "50"],
      ["msg_template", "明天有台风，请减少外出。"],
    ],
  },
  {
    label: "语音消息",
    body: { ...common, notify_way: 3, chuanbo_directive_id: 7, voice_content: "各位居民请注意。", msg_sign_id: 50 },
    fields: [
      ["chuanbo_directive_id", "7"],
      ["notify_way", "3"],
      ["chuanbo_group", "1000,1002"],
      ["voice_content", "各位居民请注意。"],
    ],
  },
];

for (const channel of channels) {
  test(`a valid ${channel.label} push sends exactly that channel's fields, multipart, under the vendor's names`, async ({ request }) => {
    const response = await remember(await post(request, channel.body));
    expect(response.status()).toBe(201);
    const answer = await response.json();
    expect(answer).toMatchObject({ status: "sent", requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });

    // Besides push_create, the console may read group_list (to record the push's reach).
    const calls = await vendor(request, "push_create");
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call).toMatchObject({ method: "POST", path: "/openapi/chuanbo/push_create" });
    expect(call!.headers["content-type"]).toMatch(/^multipart\/form-data/);
    expect(call!.headers["x-request-id"]).toBe(answer.requestId);
    expect(call!.headers.cookie).toBeUndefined();
    expect(call!.headers["x-forwarded-for"]).toBeUndefined();
    const expected = [
      ["connectNo", TEST_CONNECT_NO],
      ["name", "台风预警"],
      ["section_id", "90"],
      ["chuanbo_type_id", "38"],
      ...channel.fields,
    ];
    expect([...call!.fields].sort()).toEqual([...expected].sort());
    expect(call!.headers["x-signature"]).toBe(
      sign("test-signing-secret", {
        method: "POST",
        path: call!.path,
        timestamp: call!.headers["x-timestamp"]!,
        requestId: answer.requestId,
        tenantId: "6",
        params: call!.fields,
      }),
    );
  });
}

test("an invalid body gets 400 with per-field Chinese messages, and the vendor never hears of it", async ({ request }) => {
  const response = await remember(
    await post(request, {
      ...common,
      name: "",
      notify_way: 2,
      msg_sign_id: 50,
      msg_template: "长".repeat(71),
      task_tag: "超过八个字的标签啊",
    }),
  );
  expect(response.status()).toBe(400);
  const { error } = await response.json();
  expect(error.code).toBe("invalid_request");
  expect(error.fields).toEqual({
    name: "请填写推送名字",
    task_tag: "推送标签最多 8 个字，现在有 9 个",
    msg_template: "短信模板最多 70 个字，现在有 71 个",
  });
  expect(await vendor(request)).toHaveLength(0);
});

test("code != 0 gives 502 with the vendor's own message", async ({ request }) => {
  await script(request, [{ kind: "code", action: "push_create", code: 3002, message: "短信签名未审核通过" }]);
  const response = await remember(await post(request, channels[1]!.body));
  expect(response.status()).toBe(502);
  expect((await response.json()).error).toMatchObject({ code: "upstream_rejected", message: "短信签名未审核通过", upstreamCode: 3002 });
});

test("a vendor that never answers gives 504 within the timeout, and push_create is not retried", async ({ request }) => {
  await script(request, [{ kind: "hang", action: "push_create" }]);
  const response = await remember(await post(request, channels[2]!.body));
  expect(response.status()).toBe(504);
  const { error } = await response.json();
  expect(error.code).toBe("upstream_timeout");
  expect(error.message).toContain("可能已经发出，也可能没有。请先向传播通平台或接收人核实");
  expect(await vendor(request, "push_create")).toHaveLength(1);
});

test("an HTML error page gives 502 upstream_bad_response", async ({ request }) => {
  await script(request, [{ kind: "html" }, { kind: "html" }, { kind: "html" }]);
  const response = await remember(await request.get("/api/groups"));
  expect(response.status()).toBe(502);
  expect((await response.json()).error.code).toBe("upstream_bad_response");
  expect(await vendor(request)).toHaveLength(3);
});

test("a connection the vendor breaks off gives 502 upstream_unavailable", async ({ request }) => {
  await script(request, [{ kind: "reset" }, { kind: "reset" }, { kind: "reset" }]);
  const response = await remember(await request.get("/api/groups"));
  expect(response.status()).toBe(502);
  expect((await response.json()).error.code).toBe("upstream_unavailable");
});

test("the configured connectNo is nowhere: not in responses, pages, the browser's bundles, or the server's logs", async ({ request }) => {
  for (const url of ["/", "/groups", "/compose", "/api/options", "/api/health"]) {
    await remember(await request.get(url));
  }
  for (const body of seenBodies) expect(body).not.toContain(TEST_CONNECT_NO);

  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? files(full) : [full];
    });
  const staticFiles = files(".next/static");
  expect(staticFiles.length).toBeGreaterThan(0);
  for (const file of staticFiles) expect(readFileSync(file, "utf8"), file).not.toContain(TEST_CONNECT_NO);

  // The simulator console's log holds a vendor call of this test's own, not only if another file
  // happened to run before on this worker's servers: its group list, once (later ones are cached).
  const groups = await request.get(`${SIM_URL}/api/groups`, { headers: { cookie: sessionCookie(STATE.editor) } });
  expect(groups.status()).toBe(200);
  await expect.poll(() => readFileSync(`${consoleDir}/sim.log`, "utf8")).toContain('"msg":"upstream"');
  for (const log of [`${consoleDir}/configured.log`, `${consoleDir}/sim.log`]) {
    const text = readFileSync(log, "utf8");
    expect(text, log).toContain('"msg":"upstream"');
    expect(text, log).not.toContain(TEST_CONNECT_NO);
  }
});
