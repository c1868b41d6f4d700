import { expect, test } from "@playwright/test";
import { SIM_URL } from "../playwright.config";
import { signInOnPage } from "./support/auth";
import { confirmSend, fillCommon, firstGroups, pickGroups } from "./support/compose";
import { submit, voicePush } from "./support/pushes";
import { controlSimulator, simulatorState } from "./support/simulator";

// The composer against the simulator: what the editor sees, and exactly what the vendor receives.

test.beforeEach(async ({ request }) => {
  await controlSimulator(request, { reset: true });
});

test("系统通知: the lock-screen preview follows the typing, and the vendor gets exactly the notification's fields", async ({
  page,
  request,
}) => {
  const groups = await firstGroups(request, 2);
  await page.goto("/compose");
  await fillCommon(page, groups);
  await expect(page.getByRole("radio", { name: "系统通知" })).toHaveAttribute("aria-checked", "true");
  await page.getByLabel("推送标题").fill("台风“海葵”预警");
  await page.getByLabel("推送内容").fill("今晚有强降雨，请减少外出。");
  await page.getByRole("group", { name: "常用图标" }).getByRole("button", { name: "预警" }).click();
  await page.getByLabel("链接类型").selectOption({ label: "稿件" });
  await page.getByLabel("链接内容").fill("12345");

  const preview = page.getByRole("figure", { name: "系统通知预览" });
  await expect(preview).toContainText("台风“海葵”预警");
  await expect(preview).toContainText("今晚有强降雨，请减少外出。");
  await expect(preview).toContainText("点开后：打开稿件 12345");
  const people = (groups[0]?.pnum ?? 0) + (groups[1]?.pnum ?? 0);
  await expect(page.getByLabel("触达人数").first()).toContainText(`预计触达 ${people.toLocaleString("zh-CN")} 人`);

  await page.getByRole("button", { name: "发送…" }).click();
  const dialog = page.getByRole("dialog", { name: "确认发送系统通知" });
  await expect(dialog).toContainText("今晚有强降雨，请减少外出。");
  await expect(dialog).toContainText(groups[0]!.title);
  await expect(dialog).toContainText(`预计触达 ${people.toLocaleString("zh-CN")} 人`);
  await dialog.getByRole("button", { name: "确认发送" }).click();
  await expect(page.getByRole("heading", { name: "✓ 已发送：系统通知“防汛预警”" })).toBeVisible();

  const pushes = (await simulatorState(request)).pushes;
  expect(pushes).toHaveLength(1);
  expect(pushes[0]?.accepted).toBe(true);
  expect(pushes[0]?.fields).toEqual([
    ["name", "防汛预警"],
    ["section_id", "90"],
    ["chuanbo_type_id", "38"],
    ["notify_way", "1"],
    ["chuanbo_group", `${groups[0]!.id},${groups[1]!.id}`],
    ["link_type", "2"],
    ["link_content", "12345"],
    ["push_icon", `http://localhost:${new URL(SIM_URL).port}/icons/alert.svg`],
    ["push_title", "台风“海葵”预警"],
    ["push_content", "今晚有强降雨，请减少外出。"],
  ]);
});

test("短信推送: the bubble shows 【签名】, segments are counted, and other channels' text is kept but not sent", async ({
  page,
  request,
}) => {
  const groups = await firstGroups(request, 1);
  await page.goto("/compose");
  await fillCommon(page, groups, "停水通知");
  await page.getByRole("textbox", { name: "推送标签（选填）" }).fill("民生");
  await page.getByLabel("推送标题").fill("只属于系统通知的标题");
  await page.getByRole("radio", { name: "短信推送" }).click();
  await page.getByLabel("短信签名").selectOption({ label: "天目新闻（【天目新闻】）" });
  const template = "明天9时至17时城东片区停水，请提前储水。";
  await page.getByLabel("短信模板").fill(template);

  const preview = page.getByRole("figure", { name: "短信预览" });
  await expect(preview).toContainText(`【天目新闻】${template}`);
  const length = [...`【天目新闻】${template}`].length;
  await expect(preview).toContainText(`${length} 字，计 1 条短信`);
  // Two numbers, and what lies between them: the template's own count (its counter) and what the phone receives.
  await expect(page.getByText(`加上【天目新闻】6 字，手机收到 ${length} 字，计 1 条短信`)).toBeVisible();
  await expect(page.getByText(`${[...template].length} / 70`)).toBeVisible();
  await expect(page.getByText(/预计短信 [\d,]+ 条（1 条\/人/).first()).toBeVisible();

  // Switching away and back keeps what was typed for each channel.
  await page.getByRole("radio", { name: "系统通知" }).click();
  await expect(page.getByLabel("推送标题")).toHaveValue("只属于系统通知的标题");
  await page.getByRole("radio", { name: "短信推送" }).click();
  await expect(page.getByLabel("短信模板")).toHaveValue(template);

  await confirmSend(page);
  const pushes = (await simulatorState(request)).pushes;
  expect(pushes.map((p) => p.fields)).toEqual([
    [
      ["name", "停水通知"],
      ["section_id", "90"],
      ["chuanbo_type_id", "38"],
      ["notify_way", "2"],
      ["task_tag", "民生"],
      ["chuanbo_group", String(groups[0]!.id)],
      ["msg_sign_id", "50"],
      ["msg_template", template],
    ],
  ]);
});

test("短信推送: a template that no longer fits one message says how many it will bill", async ({ page }) => {
  await page.goto("/compose");
  await page.getByRole("radio", { name: "短信推送" }).click();
  await page.getByLabel("短信签名").selectOption({ label: "天目新闻（【天目新闻】）" });
  await page.getByLabel("短信模板").fill("字".repeat(65));
  await expect(page.getByText("加上【天目新闻】6 字，手机收到 71 字，计 2 条短信")).toBeVisible();
  await expect(page.getByText("加上【签名】共 71 字，超过一条短信的 70 字：将按每条 67 字拆成 2 条发送和计费。")).toBeVisible();
});

test("语音消息: the script card, a speaking-time estimate and warnings for what speech reads badly", async ({ page, request }) => {
  const groups = await firstGroups(request, 1);
  await page.goto("/compose");
  await fillCommon(page, groups, "应急演练");
  await page.getByRole("radio", { name: "语音消息" }).click();
  const script = "各位居民，明天上午九点进行应急演练，咨询电话12345678，详见 https://example.com/drill。";
  await page.getByLabel("语音模板").fill(script);
  await expect(page.getByRole("figure", { name: "语音预览" })).toContainText("各位居民，明天上午九点进行应急演练");
  await expect(page.getByText(/预计播报约 \d+ 秒/)).toBeVisible();
  await expect(page.getByText("“12345678”会被一位一位地读出", { exact: false })).toBeVisible();
  await expect(page.getByText("网址“https://example.com/drill”在电话里无法听清", { exact: false })).toBeVisible();

  await confirmSend(page);
  const pushes = (await simulatorState(request)).pushes;
  expect(pushes.map((p) => p.fields)).toEqual([
    [
      ["name", "应急演练"],
      ["section_id", "90"],
      ["chuanbo_type_id", "38"],
      ["notify_way", "3"],
      ["chuanbo_group", String(groups[0]!.id)],
      ["voice_content", script],
    ],
  ]);
});

test("a name and a script without a place to break stay inside the page, its warning and the confirmation", async ({ page, request }) => {
  const groups = await firstGroups(request, 1);
  await page.goto("/compose");
  await fillCommon(page, groups, "W".repeat(50));
  await page.getByRole("radio", { name: "语音消息" }).click();
  await page.getByLabel("语音模板").fill(`请访问 https://example.com/${"x".repeat(300)}`);
  await expect(page.getByText("在电话里无法听清", { exact: false })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);

  await page.getByRole("button", { name: "发送…" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("https://example.com/xxx");
  // Every line of what is confirmed ends inside the dialog's box, where it can be read.
  const spill = await dialog.evaluate((box) => {
    const right = box.getBoundingClientRect().right;
    return [...box.querySelectorAll("*")]
      .filter((el) => el.getBoundingClientRect().right > right + 1)
      .map((el) => el.textContent?.slice(0, 30));
  });
  expect(spill).toEqual([]);
  await dialog.getByRole("button", { name: "返回修改" }).click();
  await expect(dialog).toHaveCount(0);
});

test("each rule shows its Chinese message beside its field, and nothing is sent", async ({ page, request }) => {
  await page.goto("/compose");
  await page.getByRole("button", { name: "发送…" }).click();
  const messages: Array<[string, string]> = [
    ["推送名字", "请填写推送名字"],
    ["部门", "请选择部门"],
    ["消息类型", "请选择消息类型"],
    ["推送标题", "请填写推送标题"],
    ["推送内容", "请填写推送内容"],
  ];
  for (const [label, message] of messages) {
    const field = page.getByLabel(label);
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(message);
  }
  await expect(page.getByText("请至少选择一个推送用户组")).toBeVisible();
  await expect(page.getByRole("dialog")).toBeHidden();

  await page.getByRole("textbox", { name: "推送标签（选填）" }).fill("一二三四五六七八九");
  await expect(page.getByText("推送标签最多 8 个字，现在有 9 个")).toBeVisible();
  await page.getByLabel("消息图标").fill("ftp://x");
  await expect(page.getByText("消息图标须是以 http:// 或 https:// 开头的图片地址")).toBeVisible();

  await page.getByRole("radio", { name: "短信推送" }).click();
  await expect(page.getByLabel("短信签名")).toHaveAccessibleDescription("请选择短信签名");
  await page.getByLabel("短信模板").fill("字".repeat(71));
  await expect(page.getByText("短信模板最多 70 个字，现在有 71 个")).toBeVisible();

  await page.getByRole("radio", { name: "语音消息" }).click();
  await page.getByLabel("语音模板").fill("字".repeat(501));
  await expect(page.getByText("语音模板最多 500 个字，现在有 501 个")).toBeVisible();

  expect((await simulatorState(request)).pushes).toHaveLength(0);
});

test("the link rules: a 稿件 id is digits, and a link needs both its type and its content", async ({ page, request }) => {
  // The schema checks these across fields, once the fields themselves are valid.
  const groups = await firstGroups(request, 1);
  await page.goto("/compose");
  await fillCommon(page, groups);
  await page.getByLabel("推送标题").fill("标题");
  await page.getByLabel("推送内容").fill("内容");
  await page.getByLabel("链接类型").selectOption({ label: "稿件" });
  await page.getByRole("button", { name: "发送…" }).click();
  await expect(page.getByLabel("链接内容")).toHaveAccessibleDescription(/选了链接类型，请填写链接内容/);
  await page.getByLabel("链接内容").fill("abc");
  await expect(page.getByLabel("链接内容")).toHaveAccessibleDescription(/稿件 id 只能是数字/);
  await page.getByLabel("链接类型").selectOption({ label: "不设链接" });
  await page.getByRole("button", { name: "发送…" }).click();
  await expect(page.getByLabel("链接类型")).toHaveAccessibleDescription("填了链接内容，请选择链接类型");
  await expect(page.getByRole("dialog")).toBeHidden();
  expect((await simulatorState(request)).pushes).toHaveLength(0);
});

test("the confirmation traps focus, closes on Esc without sending, and a double-clicked confirm sends once", async ({ page, request }) => {
  const groups = await firstGroups(request, 1);
  await page.goto("/compose");
  await fillCommon(page, groups);
  await page.getByLabel("推送标题").fill("标题");
  await page.getByLabel("推送内容").fill("内容");

  await page.getByRole("button", { name: "发送…" }).click();
  const dialog = page.getByRole("dialog", { name: "确认发送系统通知" });
  await expect(dialog.getByRole("button", { name: "返回修改" })).toBeFocused();
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press("Tab");
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  expect((await simulatorState(request)).pushes).toHaveLength(0);

  await page.getByRole("button", { name: "发送…" }).click();
  await dialog.getByRole("button", { name: "确认发送" }).dblclick();
  await expect(page.getByRole("heading", { name: /已发送/ })).toBeVisible();
  expect((await simulatorState(request)).pushes).toHaveLength(1);

  // The result survives a reload, and sends nothing more.
  await page.reload();
  await expect(page.getByRole("heading", { name: /已发送/ })).toBeVisible();
  await page.getByRole("button", { name: "再发一条" }).click();
  await expect(page.getByLabel("推送标题")).toHaveValue("标题");
  await expect(page.getByLabel("推送名字")).toBeFocused();
  expect((await simulatorState(request)).pushes).toHaveLength(1);
});

test("a reload restores the draft, groups and 发送时间 included; 清空草稿 asks first", async ({ page, request }) => {
  const groups = await firstGroups(request, 2);
  await page.goto("/compose");
  await fillCommon(page, groups, "草稿不丢");
  await page.getByRole("radio", { name: "语音消息" }).click();
  await page.getByLabel("语音模板").fill("这是一段语音");
  await page.getByRole("radio", { name: "定时发送" }).click();
  const at = new Date(Date.now() + 3 * 3600_000 + 8 * 3600_000).toISOString().slice(0, 16);
  await page.getByLabel("定时（北京时间）").fill(at);
  await page.reload();
  await expect(page.getByRole("radio", { name: "定时发送" })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByLabel("定时（北京时间）")).toHaveValue(at);

  await expect(page.getByLabel("推送名字")).toHaveValue("草稿不丢");
  await expect(page.getByLabel("部门")).toHaveValue("90");
  await expect(page.getByRole("radio", { name: "语音消息" })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByLabel("语音模板")).toHaveValue("这是一段语音");
  const chosen = page.getByRole("list", { name: "已选用户组" });
  for (const group of groups) await expect(chosen).toContainText(`#${group.id}`);

  await page.getByRole("button", { name: "清空草稿" }).click();
  const ask = page.getByRole("dialog", { name: "清空这份草稿？" });
  await ask.getByRole("button", { name: "取消" }).click();
  await expect(page.getByLabel("推送名字")).toHaveValue("草稿不丢");
  await page.getByRole("button", { name: "清空草稿" }).click();
  await ask.getByRole("button", { name: "清空草稿" }).click();
  await expect(page.getByLabel("推送名字")).toHaveValue("");
  // The button pressed is gone with the old form: the keyboard starts again at 推送名字.
  await expect(page.getByLabel("推送名字")).toBeFocused();
  await page.reload();
  await expect(page.getByLabel("推送名字")).toHaveValue("");
});

test("at a browser shared by the desk, an editor's draft is not the next editor's, and is there again when its author signs back in", async ({
  browser,
}) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const signInAs = async (username: string) => {
    await page.goto("/sign-in?next=/compose");
    await signInOnPage(page, username);
    await expect(page.getByRole("heading", { name: "创建推送" })).toBeVisible();
  };
  const signOut = async () => {
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page.getByText("已退出登录。")).toBeVisible();
  };

  await signInAs("demo-editor");
  await page.getByLabel("推送名字").fill("甲的草稿");
  await page.getByLabel("推送内容").fill("只给甲自己看的内容");
  await signOut();

  await signInAs("demo-editor2");
  await expect(page.getByLabel("推送名字")).toHaveValue("");
  await expect(page.getByLabel("推送内容")).toHaveValue("");
  await page.getByLabel("推送名字").fill("乙的草稿");
  await signOut();

  await signInAs("demo-editor");
  await expect(page.getByLabel("推送名字")).toHaveValue("甲的草稿");
  await expect(page.getByLabel("推送内容")).toHaveValue("只给甲自己看的内容");
  await context.close();
});

test("an upstream rejection keeps every value and shows the vendor's message by the button", async ({ page, request }) => {
  await controlSimulator(request, {
    reset: true,
    faults: [{ kind: "code", action: "push_create", message: "短信签名审核中，暂不可用", times: 1 }],
  });
  const groups = await firstGroups(request, 1);
  await page.goto("/compose");
  await fillCommon(page, groups, "会失败的推送");
  await page.getByRole("radio", { name: "短信推送" }).click();
  await page.getByLabel("短信签名").selectOption({ label: "天目新闻（【天目新闻】）" });
  await page.getByLabel("短信模板").fill("测试内容");
  await page.getByRole("button", { name: "发送…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认发送" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "没有发出：短信签名审核中，暂不可用" })).toBeVisible();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.getByLabel("推送名字")).toHaveValue("会失败的推送");
  await expect(page.getByLabel("短信模板")).toHaveValue("测试内容");
  await expect(page.getByRole("list", { name: "已选用户组" })).toContainText(`#${groups[0]!.id}`);
  expect((await simulatorState(request)).pushes.filter((p) => p.accepted)).toHaveLength(0);
});

test("?groups= presets the picker with the groups' names, and the link is not applied again on reload", async ({ page, request }) => {
  const groups = await firstGroups(request, 2);
  await page.goto(`/compose?groups=${groups.map((g) => g.id).join(",")},99999`);
  const chosen = page.getByRole("list", { name: "已选用户组" });
  for (const group of groups) await expect(chosen).toContainText(group.title);
  await expect(page.getByText("没有找到用户组 #99999。")).toBeVisible();
  await expect(page).toHaveURL(/\/compose$/);
  await chosen.getByRole("button", { name: `移除 ${groups[0]!.title}` }).click();
  await page.reload();
  await expect(page.getByRole("list", { name: "已选用户组" })).not.toContainText(groups[0]!.title);
  await expect(page.getByRole("list", { name: "已选用户组" })).toContainText(groups[1]!.title);
});

test("a link's preset never quietly replaces an unsent draft: 创建推送 from 用户组 and 复制为新推送 ask first, the keyboard on keeping it", async ({
  page,
  request,
}) => {
  const [first, second] = await firstGroups(request, 2);
  const copied = await submit(request, voicePush("被复制的推送", [second!.id]));
  expect(copied.status()).toBe(201);
  const { id } = (await copied.json()) as { id: string };
  const name = page.getByLabel("推送名字");
  const chosen = page.getByRole("list", { name: "已选用户组" });

  // Words but no groups yet: the link's groups simply join them, nothing asked.
  await page.goto("/compose");
  await name.fill("半小时写的稿件");
  await page.getByLabel("推送内容").fill("还没发出的内容");
  await page.goto(`/compose?groups=${first!.id}`);
  await expect(chosen).toContainText(first!.title);
  await expect(name).toHaveValue("半小时写的稿件");

  // Other groups already chosen: asked, and Enter keeps them.
  await page.goto(`/compose?groups=${second!.id}`);
  const ask = page.getByRole("alert").filter({ hasText: "把草稿「半小时写的稿件」的用户组换成所选的 1 个？" });
  await expect(ask).toContainText(`草稿现在选的是${first!.title}，将换成${second!.title}；草稿里填写的内容不变。`);
  await expect(ask.getByRole("button", { name: "保留草稿原来的用户组" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(chosen).toContainText(first!.title);
  await expect(chosen).not.toContainText(second!.title);
  await expect(page).toHaveURL(/\/compose$/);
  await page.goto(`/compose?groups=${second!.id}`);
  await ask.getByRole("button", { name: "换成所选的用户组" }).click();
  await expect(chosen).toContainText(second!.title);
  await expect(chosen).not.toContainText(first!.title);
  await expect(page.getByLabel("推送内容")).toHaveValue("还没发出的内容");

  // 复制为新推送 would replace the whole draft: asked, and keeping it keeps every word.
  await page.goto(`/compose?from=${id}`);
  const replace = page.getByRole("alert").filter({ hasText: "用复制的推送替换没有发出的草稿「半小时写的稿件」？" });
  await expect(replace.getByRole("button", { name: "继续编辑原来的草稿" })).toBeFocused();
  await replace.getByRole("button", { name: "继续编辑原来的草稿" }).click();
  await expect(name).toHaveValue("半小时写的稿件");
  await expect(name).toBeFocused();
  await page.goto(`/compose?from=${id}`);
  await replace.getByRole("button", { name: "替换为复制的推送" }).click();
  await expect(name).toHaveValue("被复制的推送");
  await expect(page.getByText("已复制推送记录“被复制的推送”的内容，这是一条新推送。")).toBeVisible();
  await page.reload();
  await expect(name).toHaveValue("被复制的推送");
});

test("a ?groups= link whose code cannot load (the network dropped) says so in Chinese; 重试 applies it once the network is back", async ({
  page,
  request,
}) => {
  const [group] = await firstGroups(request, 1);
  // The page's own scripts load; code it fetches later (the preset's) does not, as when the line drops.
  let firstLoad = new Set<string>();
  await page.route("**/compose?groups=*", async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    firstLoad = new Set(html.match(/\/_next\/static\/chunks\/[^"]+?\.js/g));
    await route.fulfill({ response, body: html });
  });
  await page.route("**/_next/static/chunks/**", (route) =>
    firstLoad.has(new URL(route.request().url()).pathname) ? route.continue() : route.abort("internetdisconnected"),
  );
  await page.goto(`/compose?groups=${group!.id}`);
  const alert = page.getByRole("alert").filter({ hasText: "这一页没有加载出来" });
  // The network's fault, in Chinese: not the browser's English, nor a server error to report.
  await expect(alert).toContainText("连不上控制台服务器，请检查网络后重试。");
  await expect(alert).not.toContainText(/[A-Za-z]{4,}|控制台服务器出错/);

  await page.unrouteAll();
  await alert.getByRole("link", { name: "重试" }).click();
  await expect(page.getByRole("list", { name: "已选用户组" })).toContainText(group!.title);
  await expect(page).toHaveURL(/\/compose$/);
});

test("picking groups shows each one's type, 人数 and rules, and the reach adds up", async ({ page, request }) => {
  const groups = await firstGroups(request, 3);
  await page.goto("/compose");
  await pickGroups(page, groups);
  const chosen = page.getByRole("list", { name: "已选用户组" });
  await expect(chosen.getByRole("listitem")).toHaveCount(3);
  await expect(chosen.getByRole("listitem").first()).toContainText(/导入用户|标签组/);
  await expect(chosen.getByRole("listitem").first()).toContainText(/人/);
  const people = groups.reduce((sum, g) => sum + (g.pnum ?? 0), 0);
  await expect(page.getByLabel("触达人数").first()).toContainText(`预计触达 ${people.toLocaleString("zh-CN")} 人`);
});

test("choosing groups moves nothing below them while the rules are checked: 推送类型 stays under the pointer", async ({
  page,
  request,
}) => {
  const groups = await firstGroups(request, 1);
  await page.goto("/compose");
  await fillCommon(page, groups, "按钮不动");
  await expect(page.getByText("已选 1 个用户组")).toBeVisible();
  const radio = page.getByRole("radio", { name: "短信推送" });
  const before = (await radio.boundingBox())!.y;
  await expect(page.getByTestId("preflight")).toHaveText("按发送规则，无需审批即可发出。");
  expect((await radio.boundingBox())!.y).toBe(before);
  // So a click as the answer arrives lands where it was aimed.
  await radio.click();
  await expect(radio).toHaveAttribute("aria-checked", "true");
});
