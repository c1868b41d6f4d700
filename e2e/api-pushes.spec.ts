import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { TEST_CONNECT_NO } from "../playwright.config";
import { controlSimulator as control, simulatorState as sim } from "./support/simulator";

// POST /api/pushes, /api/pushes/test, GET /api/pushes(/:id) over real HTTP against the simulator console.
// The simulator's own record (/simulator/control) is the judge of what went out, and how often.

const notification = {
  name: "台风预警",
  section_id: 90,
  chuanbo_type_id: 38,
  chuanbo_directive_id: 7,
  notify_way: 1,
  task_tag: "预警",
  chuanbo_group: [101, 102],
  push_title: "台风「海葵」今晚登陆",
  push_content: "请市民减少外出，注意安全。",
  push_icon: "https://img.example.com/chuanbo/icons/alert.png",
  link_type: 2,
  link_content: "123456",
  // Typed for another channel before switching back: never sent.
  msg_template: "不应发出",
};
const sms = {
  name: "停水通知",
  section_id: 91,
  chuanbo_type_id: 39,
  notify_way: 2,
  chuanbo_group: [103],
  msg_sign_id: 50,
  msg_template: "明日 9 时至 17 时城东片区停水，请提前储水。",
  voice_content: "不应发出",
};
const voice = {
  name: "防汛语音",
  section_id: 92,
  chuanbo_type_id: 38,
  notify_way: 3,
  chuanbo_group: [104, 106],
  voice_content: "今晚有暴雨，请远离河道，注意安全。",
  msg_sign_id: 50,
};

function send(request: APIRequestContext, body: object, key: string = randomUUID(), path = "/api/pushes") {
  return request.post(path, { data: body, headers: { "idempotency-key": key } });
}

test.beforeEach(async ({ request }) => {
  await control(request, { reset: true });
});

for (const [label, body, stray, wire] of [
  [
    "系统通知",
    notification,
    "msg_template",
    [
      ["name", "台风预警"],
      ["section_id", "90"],
      ["chuanbo_type_id", "38"],
      ["chuanbo_directive_id", "7"],
      ["notify_way", "1"],
      ["task_tag", "预警"],
      ["chuanbo_group", "101,102"],
      ["link_type", "2"],
      ["link_content", "123456"],
      ["push_icon", "https://img.example.com/chuanbo/icons/alert.png"],
      ["push_title", "台风「海葵」今晚登陆"],
      ["push_content", "请市民减少外出，注意安全。"],
    ],
  ],
  [
    "短信推送",
    sms,
    "voice_content",
    [
      ["name", "停水通知"],
      ["section_id", "91"],
      ["chuanbo_type_id", "39"],
      ["notify_way", "2"],
      ["chuanbo_group", "103"],
      ["msg_sign_id", "50"],
      ["msg_template", "明日 9 时至 17 时城东片区停水，请提前储水。"],
    ],
  ],
  [
    "语音消息",
    voice,
    "msg_sign_id",
    [
      ["name", "防汛语音"],
      ["section_id", "92"],
      ["chuanbo_type_id", "38"],
      ["notify_way", "3"],
      ["chuanbo_group", "104,106"],
      ["voice_content", "今晚有暴雨，请远离河道，注意安全。"],
    ],
  ],
] as const) {
  test(`${label}: sends exactly the channel's wire fields once and records it`, async ({ request }) => {
    const response = await send(request, body);
    expect(response.status()).toBe(201);
    const created = await response.json();
    expect(created).toEqual({ id: expect.stringMatching(/^[A-Za-z0-9_-]+$/), status: "sent", requestId: expect.any(String) });

    const { pushes } = await sim(request);
    expect(pushes).toHaveLength(1);
    expect(pushes[0]).toMatchObject({ accepted: true, requestId: created.requestId, fields: wire });

    const record = await (await request.get(`/api/pushes/${created.id}`)).json();
    expect(record).toMatchObject({
      id: created.id,
      status: "sent",
      name: body.name,
      notify_way: body.notify_way,
      chuanbo_group: body.chuanbo_group,
      upstream_code: 0,
      request_id: created.requestId,
      is_test: false,
      sent_by: "demo-editor",
    });
    // What was sent, exactly: the other channels' fields are not part of it.
    expect(record.body).toEqual(Object.fromEntries(Object.entries(body).filter(([name]) => name !== stray)));
    expect(Date.parse(record.created_at)).toBeLessThanOrEqual(Date.parse(record.finished_at));
  });
}

test("the record carries the groups' reach, summed from their 人数", async ({ request }) => {
  const groups = (await (await request.get("/api/groups?size=100")).json()).records as Array<{ id: number; pnum: number | null }>;
  const counts = [104, 106].map((id) => groups.find((g) => g.id === id)?.pnum);
  const created = await (await send(request, voice)).json();
  await expect
    .poll(async () => (await (await request.get(`/api/pushes/${created.id}`)).json()).reach)
    .toBe(counts.reduce<number>((sum, n) => sum + (n ?? 0), 0));
});

test("without a valid Idempotency-Key nothing is sent, and the answer says what to do", async ({ request }) => {
  const missing = await request.post("/api/pushes", { data: sms });
  expect(missing.status()).toBe(400);
  expect((await missing.json()).error).toMatchObject({ code: "invalid_request", message: expect.stringContaining("Idempotency-Key") });
  const malformed = await send(request, sms, "not-a-uuid");
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.message).toContain("UUID");
  expect((await sim(request)).requests.push_create).toBe(0);
});

test("a double submit with one key sends once and answers the same", async ({ request }) => {
  const key = randomUUID();
  const first = await send(request, sms, key);
  const second = await send(request, { ...sms, chuanbo_group: [103] }, key);
  expect([first.status(), second.status()]).toEqual([201, 201]);
  expect(await second.json()).toEqual(await first.json());
  const { requests, pushes } = await sim(request);
  expect(requests.push_create).toBe(1);
  expect(pushes).toHaveLength(1);
});

test("one key reused for a different push is refused with 422 and sends nothing more", async ({ request }) => {
  const key = randomUUID();
  const first = await (await send(request, sms, key)).json();
  const other = await send(request, { ...sms, msg_template: "内容改了" }, key);
  expect(other.status()).toBe(422);
  expect((await other.json()).error).toMatchObject({ code: "idempotency_mismatch", pushId: first.id, status: "sent" });
  expect((await sim(request)).requests.push_create).toBe(1);
});

test("the same key while the first is still in flight answers 409, then replays the result", async ({ request }) => {
  await control(request, { latencyMs: 1500 });
  const key = randomUUID();
  const answers = await Promise.all([send(request, voice, key), send(request, voice, key)]);
  expect(answers.map((a) => a.status()).sort()).toEqual([201, 409]);
  const sent = answers.find((a) => a.status() === 201)!;
  const busy = answers.find((a) => a.status() === 409)!;
  const created = await sent.json();
  expect((await busy.json()).error).toMatchObject({ code: "in_progress", pushId: created.id, status: "pending" });
  const replay = await send(request, voice, key);
  expect(replay.status()).toBe(201);
  expect(await replay.json()).toEqual(created);
  expect((await sim(request)).requests.push_create).toBe(1);
});

test("an upstream refusal answers 502 with the vendor's message and leaves a failed record", async ({ request }) => {
  await control(request, { faults: [{ kind: "code", action: "push_create", code: 40013, message: "短信签名未通过审核" }] });
  const key = randomUUID();
  const response = await send(request, sms, key);
  expect(response.status()).toBe(502);
  const body = await response.json();
  expect(body.error).toMatchObject({
    code: "upstream_rejected",
    message: "短信签名未通过审核",
    upstreamCode: 40013,
    status: "failed",
    pushId: expect.any(String),
  });
  expect(JSON.stringify(body)).not.toContain(TEST_CONNECT_NO);
  const record = await (await request.get(`/api/pushes/${body.error.pushId}`)).json();
  expect(record).toMatchObject({ status: "failed", upstream_code: 40013, upstream_message: "短信签名未通过审核" });

  const again = await send(request, sms, key);
  expect(again.status()).toBe(502);
  expect(await again.json()).toEqual(body);
  expect((await sim(request)).requests.push_create).toBe(1);
});

test("a hung upstream answers 504, records unknown, and is never resent by itself", async ({ request }) => {
  await control(request, { faults: [{ kind: "hang", action: "push_create" }] });
  const key = randomUUID();
  const response = await send(request, notification, key);
  expect(response.status()).toBe(504);
  const body = await response.json();
  expect(body.error).toMatchObject({
    code: "upstream_timeout",
    status: "unknown",
    message: expect.stringContaining("可能已经发出，也可能没有。请先向传播通平台或接收人核实"),
  });
  expect(body.error.message).toContain("不要直接重发");
  expect(await (await request.get(`/api/pushes/${body.error.pushId}`)).json()).toMatchObject({ status: "unknown", upstream_code: null });

  await control(request, { faults: [] });
  const again = await send(request, notification, key);
  expect(again.status()).toBe(504);
  expect(await again.json()).toEqual(body);
  expect((await sim(request)).requests.push_create).toBe(1);
});

test("an answer that breaks the contract is unknown too: 502, with the same warning", async ({ request }) => {
  await control(request, { faults: [{ kind: "html", action: "push_create" }] });
  const response = await send(request, voice);
  expect(response.status()).toBe(502);
  const { error } = await response.json();
  expect(error).toMatchObject({
    code: "upstream_bad_response",
    status: "unknown",
    message: expect.stringContaining("可能已经发出，也可能没有。请先向传播通平台或接收人核实"),
  });
  expect(await (await request.get(`/api/pushes/${error.pushId}`)).json()).toMatchObject({ status: "unknown" });
});

test("history lists newest first, filters by channel and status, and shows one record in detail", async ({ request }) => {
  const older = await (await send(request, voice)).json();
  await control(request, { faults: [{ kind: "code", action: "push_create", times: 1, message: "用户组已停用" }] });
  const failed = (await (await send(request, sms)).json()).error;
  const newest = await (await send(request, notification)).json();

  const page = await (await request.get("/api/pushes?size=3")).json();
  expect(page).toMatchObject({ size: 3, current: 1 });
  expect(page.total).toBeGreaterThanOrEqual(3);
  expect(page.pages).toBe(Math.ceil(page.total / 3));
  expect(page.records.map((r: { id: string }) => r.id)).toEqual([newest.id, failed.pushId, older.id]);
  const second = await (await request.get("/api/pushes?size=1&current=2")).json();
  expect(second.records.map((r: { id: string }) => r.id)).toEqual([failed.pushId]);

  const voices = await (await request.get("/api/pushes?notify_way=3&size=100")).json();
  expect(voices.records.every((r: { notify_way: number }) => r.notify_way === 3)).toBe(true);
  expect(voices.records.map((r: { id: string }) => r.id)).toContain(older.id);
  const failures = await (await request.get("/api/pushes?status=failed&size=100")).json();
  expect(failures.records.every((r: { status: string }) => r.status === "failed")).toBe(true);
  expect(failures.records[0]).toMatchObject({
    id: failed.pushId,
    upstream_message: "用户组已停用",
    body: { msg_template: sms.msg_template },
  });

  const bad = await request.get("/api/pushes?notify_way=9&status=lost");
  expect(bad.status()).toBe(400);
  expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(["notify_way", "status"]);
  const missing = await request.get("/api/pushes/no-such-push");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.code).toBe("not_found");
});

test("a test send goes to the test group alone and is recorded as a test", async ({ request }) => {
  const { testGroupId } = await (await request.get("/api/options")).json();
  const response = await send(request, { ...sms, chuanbo_group: [] }, randomUUID(), "/api/pushes/test");
  expect(response.status()).toBe(201);
  const created = await response.json();
  const { pushes } = await sim(request);
  expect(pushes).toHaveLength(1);
  expect(pushes[0]!.fields).toContainEqual(["chuanbo_group", String(testGroupId)]);
  expect(await (await request.get(`/api/pushes/${created.id}`)).json()).toMatchObject({
    is_test: true,
    chuanbo_group: [testGroupId],
    status: "sent",
  });
});
