import { expect, test, type APIRequestContext } from "@playwright/test";
import { controlSimulator, simulatorState } from "./support/simulator";

// Liveness (/api/health) never calls the vendor; readiness (/api/ready) calls it at most once per
// 30 s for everyone, and answers with a fixed sentence. Both are open to anyone.

test.use({ storageState: { cookies: [], origins: [] } });

test.beforeEach(async ({ request }) => {
  await controlSimulator(request, { reset: true });
});
test.afterEach(async ({ request }) => {
  await controlSimulator(request, { reset: true });
});

const groupListCalls = async (request: APIRequestContext) => (await simulatorState(request)).requests.group_list;

test("twenty health checks answer without one call to the vendor", async ({ request }) => {
  const before = await groupListCalls(request);
  const answers = await Promise.all(Array.from({ length: 20 }, () => request.get("/api/health")));
  for (const answer of answers) {
    expect(answer.status()).toBe(200);
    expect(await answer.json()).toEqual({ ok: true, upstream: "simulator" });
  }
  expect(await groupListCalls(request)).toBe(before);
});

test("twenty readiness checks make at most one vendor call, and answer a fixed sentence, never the vendor's", async ({ request }) => {
  await controlSimulator(request, { faults: [{ kind: "code", action: "group_list", message: "维护中：内部地址 10.1.2.3" }] });
  const before = await groupListCalls(request);
  const answers = await Promise.all(Array.from({ length: 20 }, () => request.get("/api/ready")));
  expect((await groupListCalls(request)) - before).toBeLessThanOrEqual(1);
  const bodies = new Set(await Promise.all(answers.map((answer) => answer.text())));
  expect(bodies.size).toBe(1);
  const [body] = [...bodies];
  expect(body).not.toContain("维护中");
  expect(body).not.toContain("10.1.2.3");
  const status = answers[0]!.status();
  expect([200, 503]).toContain(status);
  expect(JSON.parse(body!)).toEqual(
    status === 200
      ? { ready: true, upstream: "simulator", checkedAt: expect.any(String), message: "传播通可以连通。" }
      : { error: { code: "upstream_unavailable", message: "控制台暂时连不上传播通，请稍后再试；如果一直如此，请管理员查看服务器日志。" } },
  );
  const again = await Promise.all(Array.from({ length: 20 }, () => request.get("/api/ready")));
  expect((await groupListCalls(request)) - before).toBeLessThanOrEqual(1);
  for (const answer of again) expect(await answer.text()).toBe(body);
});
