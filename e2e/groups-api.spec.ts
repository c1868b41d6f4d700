import { expect, test, type APIRequestContext } from "@playwright/test";
import { controlSimulator, simulatorState } from "./support/simulator";
import type { GroupsResult as Page } from "../lib/groups/groups-params";

// GET /api/groups, /api/tags and /api/options over real HTTP, against the simulator's 100 groups
// (health: health-ready.spec.ts).

const upstreamCalls = async (request: APIRequestContext) => (await simulatorState(request)).requests.group_list;

// A reset also makes the console forget its group index, so each test starts with no list fetched.
test.beforeEach(async ({ request }) => {
  await controlSimulator(request, { reset: true });
});

// Leaves no fault behind for the next spec file.
test.afterEach(async ({ request }) => {
  await controlSimulator(request, { reset: true });
});

test("a plain page passes through to the upstream, without fetchedAt", async ({ request }) => {
  const response = await request.get("/api/groups?current=2&size=5");
  expect(response.status()).toBe(200);
  const page = (await response.json()) as Page;
  expect(page).toMatchObject({ total: 100, size: 5, current: 2, pages: 20 });
  expect(page.records.map((g) => g.id)).toEqual([195, 194, 193, 192, 191]);
  expect(page.fetchedAt).toBeUndefined();
});

test("a search answers from the whole list, says when it was fetched, and is cached; a refresh just after shares that fetch", async ({
  request,
}) => {
  const first = (await (await request.get("/api/groups?q=%E8%A5%BF%E6%B9%96%E5%8C%BA&type=2&refresh=1")).json()) as Page;
  expect(first.total).toBeGreaterThan(0);
  expect(first.records.every((g) => g.type === 2)).toBe(true);
  expect(first.records.map((g) => g.id)).toContain(106);
  expect(Date.parse(first.fetchedAt ?? "")).not.toBeNaN();

  const before = await upstreamCalls(request);
  const cached = (await (await request.get("/api/groups?q=106")).json()) as Page;
  expect(cached.records.map((g) => g.id)).toEqual([106]);
  expect(cached.fetchedAt).toBe(first.fetchedAt);
  expect(await upstreamCalls(request)).toBe(before);

  // Within 10 s of the last fetch, a refresh gets that fetch rather than a new crawl of the vendor.
  const refreshed = (await (await request.get("/api/groups?q=106&refresh=1")).json()) as Page;
  expect(await upstreamCalls(request)).toBe(before);
  expect(refreshed.fetchedAt).toBe(first.fetchedAt);
});

test("twenty refreshes at once, and more right after, crawl the vendor once", async ({ request }) => {
  // 1,000 groups at the default fetch size of 100: one crawl is 10 group_list calls.
  await controlSimulator(request, { groupCount: 1000, latencyMs: 20 });
  const before = await upstreamCalls(request);
  const pages = await Promise.all(
    Array.from({ length: 20 }, async () => (await (await request.get("/api/groups?q=1&refresh=1")).json()) as Page),
  );
  for (let i = 0; i < 5; i++) pages.push((await (await request.get("/api/tags?refresh=1")).json()) as Page);
  expect((await upstreamCalls(request)) - before).toBe(10);
  expect(new Set(pages.map((page) => page.fetchedAt)).size).toBe(1);
});

test("filters by department and by a tag's code and values", async ({ request }) => {
  const byTag = (await (await request.get("/api/groups?tag_code=age&relational_symbols=range&value1=18&value2=35")).json()) as Page;
  expect(byTag.records.map((g) => g.title)).toEqual(["西湖区青年志愿者"]);
  const byDepartment = (await (await request.get(`/api/groups?department=${encodeURIComponent("视频部")}&size=100`)).json()) as Page;
  expect(byDepartment.total).toBeGreaterThan(0);
  expect(byDepartment.records.every((g) => g.department === "视频部")).toBe(true);
});

test("bad parameters are refused in the contract's envelope", async ({ request }) => {
  const response = await request.get("/api/groups?type=3&size=500");
  expect(response.status()).toBe(400);
  const body = (await response.json()) as { error: { code: string; fields: Record<string, string> } };
  expect(body.error.code).toBe("invalid_request");
  expect(Object.keys(body.error.fields).sort()).toEqual(["size", "type"]);
  expect((await request.get("/api/tags?refresh=yes")).status()).toBe(400);
});

test("an upstream failure during the full fetch reaches the caller with the upstream's message", async ({ request }) => {
  await controlSimulator(request, { faults: [{ kind: "code", action: "group_list", code: 50001, message: "系统繁忙，请稍后再试" }] });
  const response = await request.get("/api/groups?q=x&refresh=1");
  expect(response.status()).toBe(502);
  expect(await response.json()).toMatchObject({
    error: { code: "upstream_rejected", message: "系统繁忙，请稍后再试", upstreamCode: 50001 },
  });
});

test("the tag index lists every tag in use with its values and group counts", async ({ request }) => {
  const response = await request.get("/api/tags?refresh=1");
  expect(response.status()).toBe(200);
  const index = (await response.json()) as {
    tags: Array<{
      tag_code: string;
      tag_name: string;
      groups: number;
      values: Array<{ relational_symbols: string; value1: string; value2: string | null; groups: number }>;
    }>;
    departments: Array<{ department: string; groups: number }>;
    fetchedAt: string;
  };
  const age = index.tags.find((t) => t.tag_code === "age");
  expect(age).toEqual({
    tag_code: "age",
    tag_name: "年龄",
    groups: 1,
    values: [{ relational_symbols: "range", value1: "18", value2: "35", groups: 1 }],
  });
  expect(index.tags.find((t) => t.tag_code === "vip_level")?.values[0]).toMatchObject({ relational_symbols: "gte", value1: "3" });
  const workUnit = index.tags.find((t) => t.tag_code === "work_unit");
  expect(workUnit?.values.reduce((sum, v) => sum + v.groups, 0)).toBe(workUnit?.groups);
  expect(index.departments.reduce((sum, d) => sum + d.groups, 0)).toBe(100);
  expect(Date.parse(index.fetchedAt)).not.toBeNaN();
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
  expect(Object.keys(options).sort()).toEqual([
    "directives",
    "icons",
    "quietHours",
    "schedule",
    "sections",
    "smsSignatures",
    "testGroupId",
    "types",
  ]);
  // 定时发送's limits for the picker, and no 免打扰 in the sample options; never the approval policy.
  expect(options.schedule).toEqual({ minLeadSeconds: 120, graceMinutes: 10 });
  expect(options.quietHours).toBeNull();
  expect(options.sections[0]).toEqual({ id: 90, name: "新闻中心" });
  expect(options.smsSignatures[0]).toEqual({ id: 50, name: "天目新闻", text: "天目新闻" });
  // The sample's icons are the console's own paths (they load on any port; the vendor gets them under CONSOLE_URL).
  expect(options.icons[0]).toEqual({ url: "/icons/news.svg", name: "新闻" });
});
