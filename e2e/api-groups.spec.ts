import { expect, test } from "@playwright/test";
import { controlSimulator, simulatorState } from "./support/simulator";

// GET /api/groups and /api/options over real HTTP against the built-in simulator (health: health-ready.spec.ts).

test.beforeEach(async ({ request }) => {
  await controlSimulator(request, { reset: true });
});

test("pages through groups in the contract's shape, numbers as numbers", async ({ request }) => {
  const response = await request.get("/api/groups?current=2&size=5");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  const page = await response.json();
  expect(page).toMatchObject({ total: 100, size: 5, current: 2, pages: 20 });
  expect(page.records).toHaveLength(5);
  for (const group of page.records) {
    expect(typeof group.id).toBe("number");
    expect([1, 2]).toContain(group.type);
    expect(Array.isArray(group.tags)).toBe(true);
    expect(group.operate_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  }
  const first = await (await request.get("/api/groups?current=1&size=5")).json();
  const ids = (p: { records: Array<{ id: number }> }) => p.records.map((g) => g.id);
  expect(ids(first)).toHaveLength(5);
  expect(ids(first).filter((id) => ids(page).includes(id))).toEqual([]);
  expect(await (await request.get("/api/groups")).json()).toMatchObject({ size: 10, current: 1, pages: 10 });
});

test("keeps the simulator's hostile groups intact: HTML title, no head count, unknown rule symbols", async ({ request }) => {
  const { records } = await (await request.get("/api/groups?current=10&size=10")).json();
  const byId = new Map<number, { title: string; pnum: number | null; tags: Array<{ relational_symbols: string }> }>(
    records.map((g: { id: number }) => [g.id, g]),
  );
  expect(byId.get(102)?.title).toContain("<script>");
  expect(byId.get(105)?.pnum).toBeNull();
  expect(byId.get(106)?.tags.map((t) => t.relational_symbols)).toEqual(["range", "value", "gte"]);
  expect(byId.get(107)?.tags).toEqual([]);
});

test("refuses a bad query with per-field Chinese messages, without asking the upstream", async ({ request }) => {
  const before = (await simulatorState(request)).requests.group_list;
  for (const query of ["size=0", "size=101", "current=0", "current=abc"]) {
    const response = await request.get(`/api/groups?${query}`);
    expect(response.status()).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("invalid_request");
    expect(Object.values(error.fields).join()).toMatch(/必须是/);
  }
  expect((await simulatorState(request)).requests.group_list).toBe(before);
});

test.describe("when the upstream misbehaves", () => {
  test("code != 0 becomes 502 upstream_rejected with the upstream's own message", async ({ request }) => {
    await controlSimulator(request, { faults: [{ kind: "code", code: 4031, message: "该租户已被停用" }] });
    const response = await request.get("/api/groups");
    expect(response.status()).toBe(502);
    expect((await response.json()).error).toMatchObject({ code: "upstream_rejected", message: "该租户已被停用", upstreamCode: 4031 });
  });

  for (const kind of ["html", "http_500"] as const) {
    test(`a lasting ${kind} answer is retried, then 502 upstream_bad_response`, async ({ request }) => {
      await controlSimulator(request, { faults: [{ kind, action: "group_list" }] });
      const response = await request.get("/api/groups");
      expect(response.status()).toBe(502);
      const { error } = await response.json();
      expect(error.code).toBe("upstream_bad_response");
      expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
      expect((await simulatorState(request)).requests.group_list).toBe(3);
    });
  }

  test("a single 5xx is retried away", async ({ request }) => {
    await controlSimulator(request, { faults: [{ kind: "http_500", times: 1 }] });
    expect((await request.get("/api/groups")).status()).toBe(200);
    expect((await simulatorState(request)).requests.group_list).toBe(2);
  });

  for (const kind of ["bad_json", "bad_shape"] as const) {
    test(`${kind} is 502 upstream_bad_response, not a crash`, async ({ request }) => {
      await controlSimulator(request, { faults: [{ kind }] });
      const response = await request.get("/api/groups");
      expect(response.status()).toBe(502);
      expect((await response.json()).error.code).toBe("upstream_bad_response");
    });
  }

  test("no answer at all is 504 upstream_timeout after the configured 2.5 s", async ({ request }) => {
    await controlSimulator(request, { faults: [{ kind: "hang", times: 1 }] });
    const response = await request.get("/api/groups", { timeout: 15_000 });
    expect(response.status()).toBe(504);
    expect((await response.json()).error).toMatchObject({ code: "upstream_timeout" });
  });

  test("latency is passed through, not failed", async ({ request }) => {
    await controlSimulator(request, { latencyMs: 300 });
    expect((await request.get("/api/groups")).status()).toBe(200);
  });
});

test("options list the offline ids with names, and nothing else", async ({ request }) => {
  const options = await (await request.get("/api/options")).json();
  expect(Object.keys(options).sort()).toEqual(["directives", "icons", "sections", "smsSignatures", "testGroupId", "types"]);
  expect(options.sections[0]).toEqual({ id: 90, name: "新闻中心" });
  expect(options.smsSignatures[0]).toEqual({ id: 50, name: "天目新闻", text: "天目新闻" });
  expect(options.icons[0]).toEqual({ url: expect.stringMatching(/^https?:\/\//), name: "新闻" });
});
