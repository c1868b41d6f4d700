import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD } from "./support/auth";
import { fillCommon, firstGroups } from "./support/compose";
import { startConsole } from "./support/console-process";
import { signIn } from "./support/from-address";
import { submit, voicePush } from "./support/pushes";
import { inBeijing } from "./support/schedule";
import { signedIn } from "./support/signed-in";
import { controlSimulator, simulatorState } from "./support/simulator";

// /history over the push store (GET /api/pushes, GET /api/pushes/:id).

test.beforeEach(async ({ request }) => {
  await controlSimulator(request, { reset: true });
});

async function send(request: APIRequestContext, body: Record<string, unknown>) {
  const response = await request.post("/api/pushes", { data: body, headers: { "idempotency-key": randomUUID() } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test("sent pushes are listed newest first, filtered through the URL, shown exactly, and copied into a new push", async ({
  page,
  request,
}) => {
  const [group] = await firstGroups(request, 1);
  const common = { section_id: 90, chuanbo_type_id: 38, chuanbo_group: [group!.id] };
  const tag = randomUUID().slice(0, 6);
  await send(request, { ...common, name: `通知-${tag}`, notify_way: 1, push_title: "标题", push_content: "内容" });
  await send(request, { ...common, name: `短信-${tag}`, notify_way: 2, msg_sign_id: 50, msg_template: "明天停水" });

  await page.goto("/history");
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.nth(1)).toContainText(`短信-${tag}`);
  await expect(rows.nth(2)).toContainText(`通知-${tag}`);
  await expect(rows.nth(1)).toContainText("已发送");
  // 发送人 by name (the header's), found by name too; the record page adds the account.
  await expect(rows.nth(1)).toContainText("演示编辑");
  await expect(rows.nth(1)).not.toContainText("demo-editor");

  await page.getByLabel("推送类型").selectOption({ label: "短信推送" });
  await expect(page).toHaveURL(/notify_way=2/);
  await expect(page.getByRole("table")).not.toContainText(`通知-${tag}`);
  await page.getByLabel("状态").selectOption({ label: "已发送" });
  await expect(page).toHaveURL(/status=sent/);
  // 发送人 by part of a name, brackets typed half-width: another editor's name hides the row, the author's shows it.
  const sender = page.getByRole("searchbox", { name: "发送人" });
  await sender.fill("编辑(二)");
  await page.getByRole("button", { name: "筛选", exact: true }).click();
  await expect(page.getByText("没有符合筛选条件的推送记录。")).toBeVisible();
  await sender.fill("演示编辑");
  await page.getByRole("button", { name: "筛选", exact: true }).click();
  await expect(page.getByRole("table")).toContainText(`短信-${tag}`);
  await page.reload();
  await expect(page.getByRole("searchbox", { name: "发送人" })).toHaveValue("演示编辑");
  await expect(page.getByLabel("推送类型")).toHaveValue("2");
  await expect(page.getByRole("table")).toContainText(`短信-${tag}`);

  await page.getByRole("link", { name: `短信-${tag}` }).click();
  await expect(page.getByRole("heading", { name: `短信-${tag}` })).toBeVisible();
  await expect(page.getByText("【天目新闻】明天停水")).toBeVisible();
  await expect(page.getByRole("region", { name: "发送情况" })).toContainText("发送人演示编辑（demo-editor）");

  await page.getByRole("link", { name: "复制为新推送" }).click();
  await expect(page).toHaveURL(/\/compose$/);
  await expect(page.getByLabel("推送名字")).toHaveValue(`短信-${tag}`);
  await expect(page.getByRole("radio", { name: "短信推送" })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByLabel("短信模板")).toHaveValue("明天停水");
  await expect(page.getByRole("list", { name: "已选用户组" })).toContainText(group!.title);
});

test("a page past the last says so and leads to the last, rather than claiming nothing was ever sent", async ({ page, request }) => {
  const [group] = await firstGroups(request, 1);
  expect((await submit(request, voicePush("翻页到最后", [group!.id]))).status()).toBe(201);
  await page.goto("/history?page=999&notify_way=3");
  const empty = page.getByRole("status").filter({ hasText: "第 999 页没有内容" });
  await expect(empty).toContainText(/共 [\d,]+ 条，只有 [\d,]+ 页。/);
  await expect(page.getByText("还没有从本控制台发出的推送。")).toHaveCount(0);
  await empty.getByRole("link", { name: /^去第 [\d,]+ 页（最后一页）$/ }).click();
  await expect(page).toHaveURL(/notify_way=3/);
  await expect(page.getByRole("table")).toBeVisible();
});

test("a record that does not exist says so, answered 404, inside the console with a way back", async ({ page }) => {
  for (const id of [randomUUID(), "not-a-record"]) {
    const response = await page.goto(`/history/${id}`);
    expect(response?.status(), id).toBe(404);
    await expect(page).toHaveTitle(/^找不到推送记录 · /);
    await expect(page.getByRole("alert").filter({ hasText: "找不到这条推送记录" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "主导航" })).toBeVisible();
  }
  await page.getByRole("link", { name: "返回推送记录" }).click();
  await expect(page).toHaveURL(/\/history$/);
  await expect(page.getByRole("heading", { name: "推送记录", level: 1 })).toBeVisible();
});

test("a record still going out (发送中) keeps itself current: it turns 结果不明 without a reload", async ({ browser }) => {
  test.setTimeout(120_000);
  // Its own console with a long upstream timeout: the record stays 发送中 long enough to be opened.
  const sim = await startConsole("history-detail-pending", { env: { CHUANBO_TIMEOUT_MS: "8000" } });
  try {
    const cookie = await signIn(sim.url, "demo-editor", DEMO_PASSWORD);
    const context = await browser.newContext({ baseURL: sim.url });
    await context.addCookies(
      cookie.split("; ").map((pair) => {
        const [name, ...value] = pair.split("=");
        return { name: name!, value: value.join("="), url: sim.url };
      }),
    );
    await controlSimulator(context.request, { reset: true, faults: [{ kind: "hang", action: "push_create", times: 1 }] });
    const [group] = await firstGroups(context.request, 1);
    const body = {
      section_id: 90,
      chuanbo_type_id: 38,
      chuanbo_group: [group!.id],
      name: "还在发送的推送",
      notify_way: 1,
      push_title: "标题",
      push_content: "内容",
    };
    const sending = context.request.post("/api/pushes", { data: body, headers: { "idempotency-key": randomUUID() }, timeout: 60_000 });
    let id: string | undefined;
    await expect
      .poll(async () => {
        const page = (await (await context.request.get("/api/pushes?status=pending")).json()) as { records: { id: string }[] };
        id = page.records[0]?.id;
        return id;
      })
      .toBeDefined();

    const page = await context.newPage();
    await page.goto(`/history/${id}`);
    const record = page.getByRole("article");
    await expect(record.getByText("发送中", { exact: true })).toBeVisible();
    await expect(page).toHaveTitle(/^推送详情 · /);
    // Nobody reloads: the page asks the server again while the push is going out.
    await expect(record.getByText("结果不明", { exact: true }).first()).toBeVisible({ timeout: 30_000 });
    await expect(record.getByText("发送中", { exact: true })).toHaveCount(0);
    await sending;
    await context.close();
  } finally {
    await sim.stop();
  }
});

test("a push sent from the composer is in 推送记录 on going Back, without a reload", async ({ page, request }) => {
  const [group] = await firstGroups(request, 1);
  await page.goto("/history");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "创建推送" }).click();
  await page.waitForURL("**/compose");
  const name = `返回可见-${randomUUID().slice(0, 6)}`;
  await fillCommon(page, [group!], name);
  await page.getByLabel("推送标题").fill("标题");
  await page.getByLabel("推送内容").fill("内容");
  await page.getByRole("button", { name: "发送…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认发送" }).click();
  // Sent, or held for approval when the suite's earlier pushes reached the line: either way, recorded.
  await expect(page.getByRole("heading", { name: new RegExp(`(已发送|已提交审批)：.*${name}`) })).toBeVisible();
  await page.goBack();
  await page.waitForURL("**/history");
  await expect(page.getByText(name).first()).toBeVisible();
});

test("a hung upstream ends as 结果不明: the composer says it may have gone out, and nothing is resent", async ({ page, request }) => {
  await controlSimulator(request, { reset: true, faults: [{ kind: "hang", action: "push_create", times: 1 }] });
  const [group] = await firstGroups(request, 1);
  await page.goto("/compose");
  await fillCommon(page, [group!], "会超时的推送");
  await page.getByLabel("推送标题").fill("标题");
  await page.getByLabel("推送内容").fill("内容");
  await page.getByRole("button", { name: "发送…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认发送" }).click();

  const alert = page.getByRole("alert").filter({ hasText: "这条推送可能已经发出，也可能没有" });
  await expect(alert).toBeVisible();
  // What it means and whom to ask, said once; then where to write down what was found.
  await expect(alert).toContainText(
    /传播通在 \d+ 秒内没有应答。这条推送可能已经发出，也可能没有。请先向传播通平台或接收人核实，不要直接重发。核实后可以在推送记录里记下结果。/,
  );
  expect((await alert.textContent())!.split("可能已经发出").length).toBe(2);
  // The same content again only fetches the stored answer.
  await page.getByRole("button", { name: "发送…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认发送" }).click();
  await expect(alert).toBeVisible();
  const control = await simulatorState(request);
  expect(control.requests.push_create).toBe(1);

  await alert.getByRole("link", { name: "推送记录" }).click();
  await expect(page.getByText("结果不明").first()).toBeVisible();
  // The record, which is where the finding is written down, does not send its reader back to itself.
  await expect(page.getByRole("main")).toContainText("请先向传播通平台或接收人核实，不要直接重发。");
  await expect(page.getByRole("main")).not.toContainText("推送记录中核对");
});

test("发送到测试组 sends the same content to the configured test group alone, recorded as a test", async ({ page, request }) => {
  const [group] = await firstGroups(request, 1);
  await page.goto("/compose");
  await fillCommon(page, [group!], "测试发送");
  await page.getByRole("radio", { name: "语音消息" }).click();
  await page.getByLabel("语音模板").fill("这是一条测试语音");
  await page.getByRole("button", { name: "发送到测试组" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已发送到测试组" })).toBeVisible();

  const control = await simulatorState(request);
  expect(control.pushes).toHaveLength(1);
  expect(control.pushes[0]?.fields).toContainEqual(["chuanbo_group", "101"]);
  expect(control.pushes[0]?.fields).toContainEqual(["voice_content", "这是一条测试语音"]);

  await page.goto("/history");
  await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText("测试");
});

test("发送到测试组 before any group is chosen: the test needs none of them; a real send still asks for them", async ({ page, request }) => {
  await page.goto("/compose");
  await page.getByLabel("推送名字").fill("先测后选");
  await page.getByLabel("部门").selectOption({ label: "新闻中心" });
  await page.getByLabel("消息类型").selectOption({ label: "突发事件" });
  await page.getByRole("radio", { name: "语音消息" }).click();
  await page.getByLabel("语音模板").fill("先在测试手机上听一遍");
  await page.getByRole("button", { name: "发送到测试组" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已发送到测试组" })).toBeVisible();
  await expect(page.getByText("请至少选择一个推送用户组")).toHaveCount(0);
  const [sent] = (await simulatorState(request)).pushes;
  expect(sent?.fields).toContainEqual(["chuanbo_group", "101"]);
  expect(sent?.fields).toContainEqual(["voice_content", "先在测试手机上听一遍"]);

  await page.getByRole("button", { name: "发送…" }).click();
  await expect(page.getByText("请至少选择一个推送用户组")).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  expect((await simulatorState(request)).pushes).toHaveLength(1);
});

test("a scheduled push's row turns 已发送 by itself when its time comes, without a reload", async ({ browser }) => {
  test.slow();
  // Its own console: a lead of 2 s, so the due time is seconds away.
  const own = await startConsole("history-watch", { env: { SCHEDULE_MIN_LEAD_SECONDS: "2" } });
  const editor = await signedIn(own.url, "demo-editor");
  try {
    const name = `自己更新-${randomUUID().slice(0, 6)}`;
    const answer = await submit(editor, { ...voicePush(name, [102]), scheduled_at: inBeijing(15_000) });
    expect(answer.status()).toBe(202);
    const context = await browser.newContext({ baseURL: own.url, storageState: await editor.storageState() });
    const page = await context.newPage();
    await page.goto("/history");
    const row = page.getByRole("row", { name: new RegExp(name) });
    await expect(row).toContainText("已定时");
    await expect(row).toContainText(/还有 \d+ 秒/);
    await expect(row).toContainText("已发送", { timeout: 40_000 });
    await context.close();
  } finally {
    await editor.dispose();
    await own.stop();
  }
});
