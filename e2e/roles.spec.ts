import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { DEMO_PASSWORD, STATE } from "./support/auth";
import { startConsole } from "./support/console-process";
import { bigGroups, submit, voicePush } from "./support/pushes";
import { signedIn } from "./support/signed-in";
import { controlSimulator, simulatorState as sim } from "./support/simulator";

// Each role sees its own console (issue 10, items 7–11 and 14): actions by role, the home page,
// notifications without a reload, 撤回, 核实结果不明, and user admin without accidents.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const LAST_ADMIN = "这是唯一可用的管理员账号，不能停用或去掉它的管理员角色。请先让另一个账号成为管理员。";

async function as(browser: Browser, state: string) {
  const context = await browser.newContext({ storageState: state });
  return { context, page: await context.newPage(), request: context.request };
}

/** An editor's push held for approval (its reach meets the line); its id and name. */
async function heldPush(request: APIRequestContext, label: string, atLeast?: number) {
  const { ids } = await bigGroups(request, atLeast);
  const name = `${label}-${crypto.randomUUID().slice(0, 6)}`;
  const response = await submit(request, voicePush(name, ids));
  expect(response.status()).toBe(202);
  const { id } = (await response.json()) as { id: string };
  return { id, name };
}

/** The group with the fewest people: ordinary sends here stay far below the approval line, with the window counted. */
async function smallGroup(request: APIRequestContext): Promise<number> {
  const page = (await (await request.get("/api/groups?size=100")).json()) as { records: Array<{ id: number; pnum: number | null }> };
  return page.records.filter((g) => g.pnum !== null).sort((a, b) => a.pnum! - b.pnum!)[0]!.id;
}

/** A push whose outcome is unknown: the simulator hangs past the console's timeout. */
async function unknownPush(request: APIRequestContext) {
  await controlSimulator(request, { faults: [{ kind: "hang", action: "push_create", times: 1 }] });
  const name = `结果不明-${crypto.randomUUID().slice(0, 6)}`;
  const response = await submit(request, voicePush(name, [await smallGroup(request)]));
  expect(response.status()).toBe(504);
  const { error } = (await response.json()) as { error: { pushId: string } };
  return { id: error.pushId, name };
}

test.beforeEach(async ({ request }) => {
  await controlSimulator(request, { reset: true });
});

test.describe("撤回 over HTTP", () => {
  test("only the author, only while it waits; forged roles, other editors and bad ids are refused; audited and replayed", async ({
    request,
    browser,
  }) => {
    const { id } = await heldPush(request, "撤回");
    const supervisor = await as(browser, STATE.supervisor);
    const editor2 = await as(browser, STATE.editor2);
    const admin = await as(browser, STATE.admin);

    // A supervisor (no send role) and another editor may not; neither may a missing record.
    expect((await supervisor.request.post(`/api/pushes/${id}/withdraw`, { data: {} })).status()).toBe(403);
    const other = await editor2.request.post(`/api/pushes/${id}/withdraw`, { data: {} });
    expect(other.status()).toBe(403);
    expect((await other.json()).error.message).toContain("只有这条推送的作者");
    expect((await request.post(`/api/pushes/no-such-push/withdraw`, { data: {} })).status()).toBe(404);
    // Writes are JSON only.
    expect((await request.post(`/api/pushes/${id}/withdraw`, { data: "x", headers: { "content-type": "text/plain" } })).status()).toBe(415);

    const done = await request.post(`/api/pushes/${id}/withdraw`, { data: {} });
    expect(done.status()).toBe(200);
    expect(await done.json()).toMatchObject({ id, status: "withdrawn", withdrawn_at: expect.any(String) });
    // Withdrawn is final: again, or an approval now, is a 409; nothing reached the vendor.
    expect((await request.post(`/api/pushes/${id}/withdraw`, { data: {} })).status()).toBe(409);
    expect((await supervisor.request.post(`/api/approvals/${id}/approve`, { data: { rescheduled_at: null } })).status()).toBe(409);
    expect((await sim(request)).requests.push_create).toBe(0);

    const audit = (await (await admin.request.get(`/api/audit?action=push_withdrawn&target=${id}`)).json()) as Json;
    expect(audit.records).toHaveLength(1);
    expect(audit.records[0]).toMatchObject({ actor: "demo-editor", target: id });
    const denied = (await (await admin.request.get(`/api/audit?action=access_denied&target=${id}`)).json()) as Json;
    expect(denied.records.map((r: Json) => r.actor)).toContain("demo-editor2");
    for (const c of [supervisor, editor2, admin]) await c.context.close();
  });

  test("a withdrawal racing an approval: exactly one wins, and the vendor hears at most once", async ({ request, browser }) => {
    const supervisor = await as(browser, STATE.supervisor);
    for (let round = 0; round < 3; round++) {
      const before = (await sim(request)).requests.push_create ?? 0;
      const { id } = await heldPush(request, `赛跑${round}`);
      const [withdraw, approve] = await Promise.all([
        request.post(`/api/pushes/${id}/withdraw`, { data: {} }),
        supervisor.request.post(`/api/approvals/${id}/approve`, { data: { rescheduled_at: null } }),
      ]);
      const wins = [withdraw.status() === 200, approve.status() === 201].filter(Boolean).length;
      expect(wins, `withdraw ${withdraw.status()}, approve ${approve.status()}`).toBe(1);
      expect([withdraw.status(), approve.status()]).toContain(409);
      const record = (await (await request.get(`/api/pushes/${id}`)).json()) as Json;
      const sent = ((await sim(request)).requests.push_create ?? 0) - before;
      if (withdraw.status() === 200) expect([record.status, sent]).toEqual(["withdrawn", 0]);
      else expect([record.status, sent]).toEqual(["sent", 1]);
    }
    await supervisor.context.close();
  });
});

test.describe("核实结果不明 over HTTP", () => {
  test("bad input, a forged role, a push that is not unknown, and two settlements at once: one wins, audited", async ({
    request,
    browser,
  }) => {
    const { id } = await unknownPush(request);
    const supervisor = await as(browser, STATE.supervisor);
    const admin = await as(browser, STATE.admin);
    const url = `/api/pushes/${id}/settle`;

    // An admin (neither sends nor approves) may not.
    expect((await admin.request.post(url, { data: { outcome: "sent", note: "问过了" } })).status()).toBe(403);
    for (const [data, field] of [
      [{ outcome: "sent" }, "note"],
      [{ outcome: "sent", note: "   " }, "note"],
      [{ outcome: "sent", note: "字".repeat(201) }, "note"],
      [{ outcome: "maybe", note: "问过了" }, "outcome"],
      [{ note: "问过了" }, "outcome"],
    ] as const) {
      const bad = await request.post(url, { data });
      expect(bad.status(), JSON.stringify(data)).toBe(400);
      expect(Object.keys((await bad.json()).error.fields)).toContain(field);
    }
    // Nothing changed yet.
    expect(((await (await request.get(`/api/pushes/${id}`)).json()) as Json).status).toBe("unknown");

    const [a, b] = await Promise.all([
      request.post(url, { data: { outcome: "not_sent", note: "传播通客服确认未收到请求" } }),
      supervisor.request.post(url, { data: { outcome: "sent", note: "接收人反馈收到了" } }),
    ]);
    expect([a.status(), b.status()].sort()).toEqual([200, 409]);
    const winner = a.status() === 200 ? { by: "demo-editor", status: "failed" } : { by: "demo-supervisor", status: "sent" };
    const record = (await (await request.get(`/api/pushes/${id}`)).json()) as Json;
    expect(record).toMatchObject({ status: winner.status, settled_by: winner.by, settled_at: expect.any(String) });
    expect(record.settle_note.length).toBeGreaterThan(0);
    // Settled once: settling again is refused, as is settling a push that was never unknown.
    expect((await request.post(url, { data: { outcome: "sent", note: "再来一次" } })).status()).toBe(409);

    const audit = (await (await admin.request.get(`/api/audit?action=push_settled&target=${id}`)).json()) as Json;
    expect(audit.records).toHaveLength(1);
    expect(audit.records[0]).toMatchObject({ actor: winner.by });
    for (const c of [supervisor, admin]) await c.context.close();
  });
});

test.describe("通知 over HTTP", () => {
  test("signed out 401; the supervisor's count, the editor's rejection with its reason, and seen clears the badge", async ({
    request,
    browser,
    playwright,
  }) => {
    const anonymous = await playwright.request.newContext({
      baseURL: test.info().project.use.baseURL,
      storageState: { cookies: [], origins: [] },
    });
    expect((await anonymous.get("/api/notifications")).status()).toBe(401);
    await anonymous.dispose();

    const supervisor = await as(browser, STATE.supervisor);
    const admin = await as(browser, STATE.admin);
    await request.post("/api/notifications/seen", { data: { until: new Date().toISOString() } });
    const { id, name } = await heldPush(request, "通知");

    const forSupervisor = (await (await supervisor.request.get("/api/notifications")).json()) as Json;
    expect(forSupervisor.awaitingApproval).toBeGreaterThanOrEqual(1);
    const forAdmin = (await (await admin.request.get("/api/notifications")).json()) as Json;
    expect(forAdmin).toEqual({ unread: 0, items: [], awaitingApproval: null });
    // The author's own push does not wait for the author.
    expect(((await (await request.get("/api/notifications")).json()) as Json).awaitingApproval).toBeNull();

    await supervisor.request.post(`/api/approvals/${id}/reject`, { data: { reason: "范围太大，请缩小到城区", rescheduled_at: null } });
    const mine = (await (await request.get("/api/notifications")).json()) as Json;
    expect(mine.unread).toBe(1);
    expect(mine.items[0]).toMatchObject({
      id,
      name,
      status: "rejected",
      kind: "decided",
      by: "demo-supervisor",
      reason: "范围太大，请缩小到城区",
      names: { "demo-supervisor": "演示审核人" },
    });

    for (const until of ["yesterday", "", 42]) {
      expect((await request.post("/api/notifications/seen", { data: { until } })).status(), String(until)).toBe(400);
    }
    expect((await request.post("/api/notifications/seen", { data: { until: mine.items[0].at } })).status()).toBe(200);
    expect(((await (await request.get("/api/notifications")).json()) as Json).unread).toBe(0);
    for (const c of [supervisor, admin]) await c.context.close();
  });
});

test("the console keeps an active admin: its only one cannot lose 管理员 over HTTP, and 改角色 fixes that box, saying why", async ({
  browser,
}) => {
  test.slow();
  const own = await startConsole("last-admin");
  try {
    const admin = await signedIn(own.url, "demo-admin");
    const records = ((await (await admin.get("/api/admin/users")).json()) as Json).records as Json[];
    const me = records.find((u) => u.username === "demo-admin")!;
    const refused = await admin.patch(`/api/admin/users/${me.id}`, { data: { roles: ["editor"] } });
    expect(refused.status()).toBe(400);
    expect((await refused.json()).error.fields.roles).toBe(LAST_ADMIN);

    const context = await browser.newContext({ baseURL: own.url, storageState: await admin.storageState() });
    const page = await context.newPage();
    const adminBox = async () => {
      await page.goto("/admin/users");
      await page.getByRole("button", { name: "改角色 演示管理员（demo-admin）" }).click();
      return page.getByRole("dialog", { name: "修改「演示管理员（demo-admin）」的角色" });
    };
    let dialog = await adminBox();
    await expect(dialog.getByRole("checkbox", { name: "管理员" })).toBeChecked();
    await expect(dialog.getByRole("checkbox", { name: "管理员" })).toBeDisabled();
    await expect(dialog).toContainText(LAST_ADMIN);
    await expect(dialog.getByRole("checkbox").first()).toBeFocused();

    // With a second admin, the first may step down.
    const second = { username: "second-admin", name: "第二管理员", roles: ["admin"], password: "another-strong-pw-7" };
    expect((await admin.post("/api/admin/users", { data: second })).status()).toBe(201);
    dialog = await adminBox();
    await expect(dialog.getByRole("checkbox", { name: "管理员" })).toBeEnabled();
    await expect(dialog).not.toContainText(LAST_ADMIN);
    await context.close();
    await admin.dispose();
  } finally {
    await own.stop();
  }
});

test("an admin is not offered 停用 on their own row, and the server refuses it too", async ({ browser }) => {
  const admin = await as(browser, STATE.admin);
  const users = (await (await admin.request.get("/api/admin/users")).json()) as Json;
  const me = users.records.find((u: Json) => u.username === "demo-admin");
  const refused = await admin.request.patch(`/api/admin/users/${me.id}`, { data: { disabled: true } });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.fields.disabled).toContain("不能停用自己的账号");

  await admin.page.goto("/admin/users");
  const mine = admin.page.getByRole("row", { name: /demo-admin/ });
  await expect(mine.getByRole("button", { name: "重置密码 演示管理员（demo-admin）" })).toBeVisible();
  await expect(mine.getByRole("button", { name: /停用/ })).toHaveCount(0);
  await admin.context.close();
});

test("停用 asks first, naming the person; each result is said in the person's row, focused, and replaces the last", async ({ browser }) => {
  const admin = await as(browser, STATE.admin);
  const username = `tmp-${crypto.randomUUID().slice(0, 6)}`;
  const created = await admin.request.post("/api/admin/users", {
    data: { username, name: "临时编辑", roles: ["editor"], password: "temporary-pass-123" },
  });
  expect(created.status()).toBe(201);
  const { page } = admin;
  await page.goto("/admin/users");
  const row = page.getByRole("row", { name: new RegExp(username) });
  await row.getByRole("button", { name: `停用 临时编辑（${username}）` }).click();
  const dialog = page.getByRole("dialog", { name: `停用「临时编辑（${username}）」？` });
  await expect(dialog).toContainText(`停用后，「临时编辑（${username}）」会立刻在各处退出登录`);
  await dialog.getByRole("button", { name: "取消" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row).toContainText("正常");

  await row.getByRole("button", { name: `停用 临时编辑（${username}）` }).click();
  await dialog.getByRole("button", { name: "确认停用" }).click();
  // 停用 gave way to 启用: focus is on the result, beside them.
  const result = row.getByRole("status");
  await expect(result).toHaveText(`已停用「临时编辑（${username}）」，并已让对方在各处退出登录。`);
  await expect(result).toBeFocused();
  await expect(row).toContainText("已停用");
  await row.getByRole("button", { name: `启用 临时编辑（${username}）` }).click();
  await expect(result).toHaveText(`已启用「临时编辑（${username}）」。`);
  await expect(result).toBeFocused();
  // One message at a time: the 停用 one is gone.
  await expect(page.getByText(/已停用「/)).toHaveCount(0);
  await admin.context.close();
});

test.describe("用户管理 forms and dialogs", () => {
  test.use({ storageState: STATE.admin });

  test("新增用户 at 390 px: a taken username takes focus with its message under it; success is said beside the form, focused", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/admin/users");
    const form = page.getByRole("form", { name: "新增用户" });
    const username = form.getByLabel("用户名");
    await username.fill("demo-editor");
    await form.getByLabel("姓名").fill("张三");
    await form.getByLabel("初始密码").fill("valid-initial-pw");
    await form.getByLabel("编辑").check();
    await form.getByRole("button", { name: "新增用户" }).click();
    await expect(username).toBeFocused();
    await expect(username).toHaveAccessibleDescription("用户名「demo-editor」已被使用，请换一个。");

    const fresh = `zs-${crypto.randomUUID().slice(0, 6)}`;
    await username.fill(fresh);
    await form.getByRole("button", { name: "新增用户" }).click();
    const result = form.getByRole("status");
    await expect(result).toHaveText(`已新增用户「张三（${fresh}）」。请把密码当面或通过安全渠道交给本人。`);
    await expect(result).toBeFocused();
    await expect(result).toBeInViewport();
    await expect(page.getByRole("row", { name: new RegExp(fresh) })).toContainText("编辑");
  });

  test("an easy password is refused under its field, in the form and over HTTP, on create and on reset", async ({ page, request }) => {
    await page.goto("/admin/users");
    const form = page.getByRole("form", { name: "新增用户" });
    const fresh = `weak-${crypto.randomUUID().slice(0, 6)}`;
    await form.getByLabel("用户名").fill(fresh);
    await form.getByLabel("姓名").fill("弱密码");
    await form.getByLabel("编辑").check();
    const password = form.getByLabel("初始密码");
    for (const [typed, message] of [
      ["1234567890", "密码不能全是数字，请加入字母或符号"],
      [`${fresh}-2026`, "密码不能包含用户名"],
      ["qwerty123456", "这是最常见的密码之一，请换一个不容易猜到的"],
    ]) {
      await password.fill(typed!);
      await form.getByRole("button", { name: "新增用户" }).click();
      await expect(password).toBeFocused();
      await expect(password).toHaveAccessibleDescription(message!);
    }
    await expect(page.getByRole("row", { name: new RegExp(fresh) })).toHaveCount(0);

    const base = { username: fresh, name: "弱密码", roles: ["editor"] };
    for (const weak of ["1234567890", "aaaaaaaaaaaa", "abcdefghijk", "password123", `x${fresh.toUpperCase()}x`]) {
      const refused = await request.post("/api/admin/users", { data: { ...base, password: weak } });
      expect(refused.status(), weak).toBe(400);
      expect((await refused.json()).error.fields.password, weak).toMatch(/^密码不能|^这是最常见的密码/);
    }
    const created = await request.post("/api/admin/users", { data: { ...base, password: "a-fine-password" } });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    for (const weak of ["0987654321", `${fresh}-new-pw`]) {
      const refused = await request.patch(`/api/admin/users/${id}`, { data: { password: weak } });
      expect(refused.status(), weak).toBe(400);
      expect((await refused.json()).error.fields.password, weak).toMatch(/^密码不能/);
    }
  });

  test("改角色 and 重置密码 open on their first field, name the person, and say what they save", async ({ page, request }) => {
    const username = `dlg-${crypto.randomUUID().slice(0, 6)}`;
    const created = await request.post("/api/admin/users", {
      data: { username, name: "李四", roles: ["editor"], password: "dialog-test-pw" },
    });
    expect(created.status()).toBe(201);
    const who = `李四（${username}）`;
    await page.goto("/admin/users");

    const row = page.getByRole("row", { name: new RegExp(username) });
    await row.getByRole("button", { name: `改角色 ${who}` }).click();
    const roles = page.getByRole("dialog", { name: `修改「${who}」的角色` });
    await expect(roles.getByRole("checkbox").first()).toBeFocused();
    await roles.getByLabel("审核人").check();
    await roles.getByRole("button", { name: "保存角色" }).click();
    await expect(roles).toHaveCount(0);
    await expect(row.getByRole("status")).toHaveText(`已更新「${who}」的角色。`);
    await expect(row).toContainText("审核人");

    await row.getByRole("button", { name: `重置密码 ${who}` }).click();
    const reset = page.getByRole("dialog", { name: `重置「${who}」的密码` });
    const password = reset.getByLabel("新密码");
    await expect(password).toBeFocused();
    // The username is known to the dialog, so it is checked before anything is sent.
    await password.fill(`${username}-pw-2`);
    await reset.getByRole("button", { name: "重置密码", exact: true }).click();
    await expect(password).toBeFocused();
    await expect(password).toHaveAccessibleDescription("密码不能包含用户名");
    await password.fill("another-fine-pw");
    await reset.getByRole("button", { name: "重置密码", exact: true }).click();
    await expect(reset).toHaveCount(0);
    await expect(row.getByRole("status")).toHaveText(`已重置「${who}」的密码，并已让对方在各处退出登录。`);
    await expect(page.getByRole("status")).toHaveCount(1);
  });
});

test.describe("by role in the browser", () => {
  test("a supervisor sees no compose actions anywhere", async ({ browser, request }) => {
    const { id } = await heldPush(request, "审核人视角");
    const { context, page } = await as(browser, STATE.supervisor);
    await page.goto("/groups");
    const nav = page.getByRole("navigation", { name: "主导航" });
    await expect(nav.getByRole("link", { name: /待审批/ })).toBeVisible();
    await expect(nav.getByRole("link", { name: "创建推送" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "用户组列表" })).toBeVisible();
    await expect(page.getByRole("checkbox")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "创建推送" })).toHaveCount(0);

    const groupId = await smallGroup(request);
    await page.goto(`/groups/${groupId}`);
    await expect(page.getByRole("button", { name: "复制 ID" })).toBeVisible();
    await expect(page.getByRole("link", { name: "用此用户组创建推送" })).toHaveCount(0);

    await page.goto(`/history/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "复制为新推送" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "存为模板" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "撤回" })).toHaveCount(0);
    await expect(page.locator('a[href^="/compose"]')).toHaveCount(0);

    await page.goto("/templates");
    await expect(page.getByText("由编辑在创建推送时选用")).toBeVisible();
    await expect(page.locator('a[href^="/compose"]')).toHaveCount(0);
    await context.close();
  });

  test("an editor sees no approval actions: no 待审批, 403 on /approvals, no decision on a held record", async ({ page, request }) => {
    const { id } = await heldPush(request, "编辑视角");
    await page.goto("/groups");
    const nav = page.getByRole("navigation", { name: "主导航" });
    await expect(nav.getByRole("link", { name: "创建推送" })).toBeVisible();
    await expect(nav.getByRole("link", { name: /待审批/ })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "用户管理" })).toHaveCount(0);
    const approvals = await page.goto("/approvals");
    expect(approvals?.status()).toBe(403);
    await page.goto(`/history/${id}`);
    await expect(page.getByRole("button", { name: "撤回" })).toBeVisible();
    await expect(page.getByRole("button", { name: /批准|驳回/ })).toHaveCount(0);
  });

  test("an admin sees user and audit tools, and no compose or approval actions", async ({ browser }) => {
    const { context, page } = await as(browser, STATE.admin);
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "主导航" });
    await expect(nav.getByRole("link", { name: "用户管理" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "审计日志" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "创建推送" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: /待审批/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^通知/ })).toHaveCount(0);
    await context.close();
  });
});

test.describe("the home page", () => {
  test("an editor sees what waits (filterable to 已定时) and their recent pushes with outcomes", async ({ page, request }) => {
    const held = await heldPush(request, "首页待审批");
    const scheduledName = `首页定时-${crypto.randomUUID().slice(0, 6)}`;
    const at = new Date(Date.now() + 3 * 3600_000).toISOString();
    const scheduled = await submit(request, { ...voicePush(scheduledName, [await smallGroup(request)]), scheduled_at: at });
    expect(scheduled.status()).toBe(202);
    const sentName = `首页已发-${crypto.randomUUID().slice(0, 6)}`;
    expect((await submit(request, voicePush(sentName, [await smallGroup(request)]))).status()).toBe(201);

    await page.goto("/");
    const pending = page.getByRole("region", { name: "我等待中的推送" });
    await expect(pending.getByRole("link", { name: held.name })).toBeVisible();
    await expect(pending.getByRole("link", { name: scheduledName })).toBeVisible();
    await pending.getByRole("link", { name: "已定时" }).click();
    await expect(page).toHaveURL(/\?pending=scheduled$/);
    await expect(pending.getByRole("link", { name: scheduledName })).toBeVisible();
    await expect(pending.getByRole("link", { name: held.name })).toHaveCount(0);
    const recent = page.getByRole("region", { name: "我最近的推送" });
    await expect(recent.getByRole("listitem").filter({ hasText: sentName })).toContainText("已发送");
  });

  test("a supervisor sees pushes waiting for approval and recent sends; an admin sign-in failures and user changes", async ({
    browser,
    request,
    playwright,
  }) => {
    const held = await heldPush(request, "首页审核");
    const sup = await as(browser, STATE.supervisor);
    await sup.page.goto("/");
    await expect(sup.page.getByRole("region", { name: /等待审批（/ }).getByRole("link", { name: held.name })).toBeVisible();
    // Who submitted it, by name.
    await expect(
      sup.page
        .getByRole("region", { name: /等待审批（/ })
        .getByRole("listitem")
        .filter({ hasText: held.name }),
    ).toContainText("演示编辑提交于 ");
    await expect(sup.page.getByRole("region", { name: "最近发出" })).toBeVisible();
    await expect(sup.page.getByRole("region", { name: "我等待中的推送" })).toHaveCount(0);
    await sup.context.close();

    const stranger = await playwright.request.newContext({
      baseURL: test.info().project.use.baseURL,
      storageState: { cookies: [], origins: [] },
    });
    const who = `nobody-${crypto.randomUUID().slice(0, 6)}`;
    await stranger.post("/api/auth/sign-in/username", { data: { username: who, password: "wrong-password-1" } });
    await stranger.dispose();
    const admin = await as(browser, STATE.admin);
    await admin.page.goto("/");
    await expect(admin.page.getByRole("region", { name: "最近登录失败" })).toContainText(`用户名「${who}」`);
    await expect(admin.page.getByRole("region", { name: "最近登录失败" })).not.toContainText("::ffff:");
    await expect(admin.page.getByRole("region", { name: "最近的用户变更" })).toBeVisible();
    await expect(admin.page.getByRole("region", { name: /等待审批/ })).toHaveCount(0);
    await admin.context.close();
  });
});

test.describe("撤回 and 核实 in the browser", () => {
  test("the author withdraws a push waiting for approval; history shows 已撤回", async ({ page, request }) => {
    const { id, name } = await heldPush(request, "浏览器撤回");
    await page.goto(`/history/${id}`);
    const opener = page.getByRole("button", { name: "撤回" });
    await opener.click();
    // Asked first, naming the push; the safe choice has focus; Esc closes it and withdraws nothing.
    const ask = page.getByRole("dialog", { name: `撤回「${name}」？` });
    await expect(ask.getByRole("button", { name: "不撤回" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(ask).toBeHidden();
    await expect(opener).toBeFocused();
    await opener.click();
    await ask.getByRole("button", { name: "确认撤回，不发送" }).click();
    await expect(page.getByRole("article").getByText("已撤回", { exact: true })).toBeVisible();
    await expect(page.locator(":focus")).toHaveText("作者在审批前撤回了这条推送，没有发出。如仍需发送，请复制为新推送。");
    await page.goto("/history");
    await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("已撤回");
    expect((await sim(request)).requests.push_create ?? 0).toBe(0);
  });

  test("an unknown outcome is said once, and an editor settles it with a note", async ({ page, request }) => {
    const { id } = await unknownPush(request);
    await page.goto(`/history/${id}`);
    const article = page.getByRole("article");
    await expect(article.getByText("结果不明", { exact: true }).first()).toBeVisible();
    await expect(article.getByText(/可能已发出|可能已经发出/)).toHaveCount(1);
    await page.getByRole("button", { name: "核实结果" }).click();
    const dialog = page.getByRole("dialog", { name: "核实推送结果" });
    await dialog.getByRole("button", { name: "记录核实结果" }).click();
    await expect(dialog.getByText("请选择核实结果")).toBeVisible();
    await expect(dialog.getByText("请写明怎样核实的")).toBeVisible();
    await dialog.getByLabel("已确认未发出").check();
    await dialog.getByRole("textbox", { name: /核实说明/ }).fill("电话问过传播通，对方没有收到这次请求");
    await dialog.getByRole("button", { name: "记录核实结果" }).click();
    await expect(page.getByText("已记录")).toBeVisible();
    // 核实结果 went with the dialog: focus is on what was recorded.
    await expect(page.locator(":focus")).toContainText("已记录");
    await expect(article.getByText("已确认未发出", { exact: true })).toBeVisible();
    await expect(article).toContainText(/核实已确认未发出，演示编辑（demo-editor），\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} 核实。/);
    await expect(article).toContainText("电话问过传播通");
  });
});

test("badges appear without a reload: 待审批 for the supervisor (its open list follows), 通知 for the editor, cleared once read", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const own = await startConsole("roles-notifications", { env: { NOTIFICATIONS_POLL_SECONDS: "1" } });
  try {
    const open = async (username: string) => {
      const context = await browser.newContext({ baseURL: own.url });
      const signIn = await context.request.post("/api/auth/sign-in/username", { data: { username, password: DEMO_PASSWORD } });
      expect(signIn.ok()).toBe(true);
      return { context, page: await context.newPage() };
    };
    const editor = await open("demo-editor");
    const supervisor = await open("demo-supervisor");
    await editor.page.goto("/");
    await supervisor.page.goto("/approvals");
    const pending = supervisor.page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: /待审批/ });
    await expect(pending).toHaveText("待审批");
    await expect(supervisor.page.getByText("现在没有等待审批的推送。")).toBeVisible();

    const { id, name } = await heldPush(editor.context.request, "角标", 20_000);
    await expect(pending).toHaveText(/待审批\s*1\s*条等待审批/);
    // The list open on the supervisor's screen shows it too, without a reload.
    const card = supervisor.page.getByRole("article", { name });
    await expect(card.getByRole("button", { name: "批准并发送" })).toBeVisible();

    const bell = editor.page.getByRole("button", { name: /^通知/ });
    await expect(bell).toHaveText("通知");
    const reject = await supervisor.context.request.post(`/api/approvals/${id}/reject`, {
      data: { reason: "请改在白天发送", rescheduled_at: null },
    });
    expect(reject.status()).toBe(200);
    await expect(bell).toHaveText(/通知\s*1\s*条未读/);
    await expect(pending).toHaveText("待审批");
    await expect(card).toHaveCount(0);

    await bell.click();
    const list = editor.page.getByRole("region", { name: "通知" });
    await expect(list.getByRole("link")).toContainText(`「${name}」被演示审核人驳回：请改在白天发送`);
    await expect(bell).toHaveText("通知");
    await editor.page.reload();
    await expect(editor.page.getByRole("button", { name: /^通知/ })).toHaveText("通知");
    for (const c of [editor, supervisor]) await c.context.close();
  } finally {
    await own.stop();
  }
});
