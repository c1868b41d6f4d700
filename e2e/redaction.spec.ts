import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { CONFIGURED_URL, TEST_CONNECT_NO, VENDOR_URL } from "../playwright.config";
import { STATE } from "./support/auth";
import { consoleDir } from "./support/server-set";

// A vendor that echoes the connectNo it was sent (the fake vendor's "echo" fault): the console
// passes its message on with the credential replaced by ***, in answers, records and its log.

test.use({ baseURL: CONFIGURED_URL, storageState: STATE.configuredEditor });

const LOG = `${consoleDir}/configured.log`;
const echo = (request: APIRequestContext, action: "group_list" | "push_create") =>
  request.post(`${VENDOR_URL}/__script`, { data: [{ kind: "echo", action, code: 40003 }] });

test.beforeEach(async ({ request }) => {
  await request.delete(`${VENDOR_URL}/__requests`);
});
test.afterEach(async ({ request }) => {
  await request.delete(`${VENDOR_URL}/__requests`);
});

test("readiness against a vendor that echoes the credential: a fixed sentence, and *** in the log", async ({ request }) => {
  await echo(request, "group_list");
  const response = await request.get("/api/ready");
  expect(response.status()).toBe(503);
  const body = await response.text();
  expect(JSON.parse(body)).toEqual({ error: { code: "upstream_unavailable", message: expect.stringMatching(/^控制台暂时连不上传播通/) } });
  expect(body).not.toContain(TEST_CONNECT_NO);
  // The vendor really was asked, and really did echo it.
  const [call] = (await (await request.get(`${VENDOR_URL}/__requests`)).json()) as Array<{ path: string }>;
  expect(call?.path).toBe("/openapi/chuanbo/group_list");
  await expect.poll(() => readFileSync(LOG, "utf8")).toContain("connectNo「***」无权调用 /openapi/chuanbo/group_list");
  expect(readFileSync(LOG, "utf8")).not.toContain(TEST_CONNECT_NO);
});

test("a push the vendor refuses with the credential in its message: *** in the answer, the record and the log", async ({ request }) => {
  await echo(request, "push_create");
  const response = await request.post("/api/pushes", {
    data: {
      name: "台风预警",
      section_id: 90,
      chuanbo_type_id: 38,
      chuanbo_group: [1000],
      notify_way: 3,
      voice_content: "各位居民请注意。",
    },
    headers: { "Idempotency-Key": crypto.randomUUID() },
  });
  expect(response.status()).toBe(502);
  const text = await response.text();
  expect(text).not.toContain(TEST_CONNECT_NO);
  const { error } = JSON.parse(text);
  expect(error).toMatchObject({
    code: "upstream_rejected",
    upstreamCode: 40003,
    message: "connectNo「***」无权调用 /openapi/chuanbo/push_create",
    status: "failed",
  });

  const record = await request.get(`/api/pushes/${error.pushId}`);
  expect(record.status()).toBe(200);
  const recordText = await record.text();
  expect(recordText).toContain("connectNo「***」无权调用");
  expect(recordText).not.toContain(TEST_CONNECT_NO);

  const history = await (await request.get("/api/pushes?size=100")).text();
  expect(history).not.toContain(TEST_CONNECT_NO);
  await expect.poll(() => readFileSync(LOG, "utf8")).toContain("connectNo「***」无权调用 /openapi/chuanbo/push_create");
  expect(readFileSync(LOG, "utf8")).not.toContain(TEST_CONNECT_NO);
});
