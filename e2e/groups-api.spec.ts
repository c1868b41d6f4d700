import { expect, test } from "@playwright/test";

// GET /api/groups and GET /api/tags over HTTP, against the simulator's 100 groups.

type Page = { records: Array<{ id: number; title: string; type: number; department: string | null; tags: unknown[] }>; total: number; size: number; current: number; pages: number; fetchedAt?: string };

const upstreamCalls = async (request: import("@playwright/test").APIRequestContext) =>
  ((await (await request.get("/simulator/control")).json()) as { requests: { group_list: number } }).requests.group_list;

// A reset also makes the console forget its group index, so each test starts with no list fetched.
test.beforeEach(async ({ request }) => {
  await request.post("/simulator/control", { data: { reset: true } });
});
test.afterEach(async ({ request }) => {
  await request.post("/simulator/control", { data: { reset: true } });
});

test("a plain page passes through to the upstream, without fetchedAt", async ({ request }) => {
  const response = await request.get("/api/groups?current=2&size=5");
  expect(response.status()).toBe(200);
  const page = (await response.json()) as Page;
  expect(page).toMatchObject({ total: 100, size: 5, current: 2, pages: 20 });
  expect(page.records.map((g) => g.id)).toEqual([195, 194, 193, 192, 191]);
  expect(page.fetchedAt).toBeUndefined();
});

test("a search answers from the whole list, says when it was fetched, and is cached; a refresh just after shares that fetch", async ({ request }) => {
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
  await request.post("/simulator/control", { data: { groupCount: 1000, latencyMs: 20 } });
  const before = await upstreamCalls(request);
  const pages = await Promise.all(
    Array.from({ length: 20 }, async () => (await (await request.get("/api/groups?q=1&refresh=1")).json()) as Page),
  );
  for (let i = 0; i < 5; i++) pages.push((await (await request.get("/api/tags?refresh=1")).json()) as Page);
  expect(await upstreamCalls(request) - before).toBe(10);
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
  await request.post("/simulator/control", { data: { faults: [{ kind: "code", action: "group_list", code: 50001, message: "系统繁忙，请稍后再试" }] } });
  const response = await request.get("/api/groups?q=x&refresh=1");
  expect(response.status()).toBe(502);
  expect(await response.json()).toMatchObject({ error: { code: "upstream_rejected", message: "系统繁忙，请稍后再试", upstreamCode: 50001 } });
});

test("the tag index lists every tag in use with its values and group counts", async ({ request }) => {
  const response = await request.get("/api/tags?refresh=1");
  expect(response.status()).toBe(200);
  const index = (await response.json()) as {
    tags: Array<{ tag_code: string; tag_name: string; groups: number; values: Array<{ relational_symbols: string; value1: string; value2: string | null; groups: number }> }>;
    departments: Array<{ department: string; groups: number }>;
    fetchedAt: string;
  };
  const age = index.tags.find((t) => t.tag_code === "age");
  expect(age).toEqual({ tag_code: "age", tag_name: "年龄", groups: 1, values: [{ relational_symbols: "range", value1: "18", value2: "35", groups: 1 }] });
  expect(index.tags.find((t) => t.tag_code === "vip_level")?.values[0]).toMatchObject({ relational_symbols: "gte", value1: "3" });
  const workUnit = index.tags.find((t) => t.tag_code === "work_unit");
  expect(workUnit?.values.reduce((sum, v) => sum + v.groups, 0)).toBe(workUnit?.groups);
  expect(index.departments.reduce((sum, d) => sum + d.groups, 0)).toBe(100);
  expect(Date.parse(index.fetchedAt)).not.toBeNaN();
});
