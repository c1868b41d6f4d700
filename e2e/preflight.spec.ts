import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { pickGroups } from "./support/compose";
import { startConsole, type ConsoleProcess } from "./support/console-process";
import { optionsFile } from "./support/options-file";
import { submit, voicePush } from "./support/pushes";
import { sessionsOn } from "./support/signed-in";
import { simulatorState } from "./support/simulator";
import type { Group } from "../lib/validations/group";

// Before sending, the truth: POST /api/pushes/preflight says what POST /api/pushes then does (send,
// hold, refuse), and the composer shows it as the groups are chosen. On a console of its own: an
// approval line of 20,000 people, a ceiling of 30,000 a push, and 4 pushes an hour.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const LINE = 20_000;
const CEILING = 30_000;

let policy: ConsoleProcess;
const { as, disposeAll } = sessionsOn(() => policy.url);

test.beforeAll(async () => {
  policy = await startConsole("preflight", {
    env: {
      CHUANBO_OPTIONS_FILE: optionsFile("preflight", { approval: { minReach: LINE, notifyWays: [], windowMinutes: 60 } }),
      PUSH_MAX_REACH: String(CEILING),
      PUSH_HOURLY_LIMIT: "4",
    },
  });
});
test.afterAll(async () => {
  await disposeAll();
  await policy?.stop();
});

/** Every group with a 人数, largest first. */
async function countedGroups(request: APIRequestContext): Promise<Group[]> {
  const { records } = (await (await request.get("/api/groups?size=100")).json()) as { records: Group[] };
  return records.filter((g) => g.pnum !== null && g.pnum > 0).sort((a, b) => b.pnum! - a.pnum!);
}

/** The largest groups, added until their 人数 reach `atLeast`. */
function upTo(groups: Group[], atLeast: number): { ids: number[]; reach: number } {
  const ids: number[] = [];
  let reach = 0;
  for (const group of groups) {
    if (reach >= atLeast) break;
    ids.push(group.id);
    reach += group.pnum!;
  }
  return { ids, reach };
}

const preflight = async (request: APIRequestContext, body: object) => {
  const response = await request.post("/api/pushes/preflight", { data: body });
  expect(response.status()).toBe(200);
  return (await response.json()) as Json;
};

test("over HTTP the preflight says what POST then does: send, hold, refuse (no such group, over the ceiling, over the hourly cap)", async () => {
  const editor = await as("demo-editor2");
  const groups = await countedGroups(editor);
  const smallest = groups.at(-1)!;
  const small = voicePush("小范围", [smallest.id]);

  // send
  expect(await preflight(editor, small)).toEqual({ decision: "send", reasons: [], reach: { reach: smallest.pnum, incomplete: false } });
  expect((await submit(editor, small)).status()).toBe(201);

  // hold: the same reasons the record then keeps for the approver
  const big = upTo(groups, LINE);
  expect(big.reach).toBeLessThanOrEqual(CEILING);
  const held = await preflight(editor, voicePush("大范围", big.ids));
  expect(held).toMatchObject({ decision: "hold", reach: { reach: big.reach, incomplete: false } });
  expect(held.reasons).toEqual([`预计触达 ${big.reach.toLocaleString("zh-CN")} 人，达到审批线 20,000 人`]);
  const heldAnswer = await submit(editor, voicePush("大范围", big.ids));
  expect(heldAnswer.status()).toBe(202);
  const record = (await (await editor.get(`/api/pushes/${((await heldAnswer.json()) as Json).id}`)).json()) as Json;
  expect(record.hold_reasons).toEqual(held.reasons);

  // refuse: a group that does not exist, as POST's 400 names it
  const missing = await preflight(editor, voicePush("不存在", [smallest.id, 99999]));
  expect(missing).toMatchObject({ decision: "refuse", code: "invalid_request", reach: null });
  expect(missing.fields.chuanbo_group).toContain("99999");
  const missingAnswer = await submit(editor, voicePush("不存在", [smallest.id, 99999]));
  expect(missingAnswer.status()).toBe(400);
  expect(((await missingAnswer.json()) as Json).error.fields.chuanbo_group).toBe(missing.fields.chuanbo_group);

  // refuse: over PUSH_MAX_REACH, in POST's words (said before trying)
  const huge = upTo(groups, CEILING + 1);
  const over = await preflight(editor, voicePush("超上限", huge.ids));
  expect(over).toMatchObject({ decision: "refuse", code: "reach_exceeded", reach: { reach: huge.reach } });
  const overAnswer = await submit(editor, voicePush("超上限", huge.ids));
  expect(overAnswer.status()).toBe(422);
  const overError = ((await overAnswer.json()) as Json).error;
  expect(overError.code).toBe("reach_exceeded");
  expect(over.reasons).toEqual([overError.message.replace("本条没有发送", "现在不能发送")]);

  // refuse: the hourly cap (4): two recorded above, two more, then the fifth
  for (const name of ["第三条", "第四条"]) expect((await submit(editor, voicePush(name, [smallest.id]))).status()).toBe(201);
  const capped = await preflight(editor, small);
  expect(capped).toMatchObject({ decision: "refuse", code: "push_rate_limited" });
  expect(capped.reasons[0]).toContain("每人每小时最多发送 4 条推送");
  expect((await submit(editor, voicePush("第五条", [smallest.id]))).status()).toBe(429);

  // Asking recorded nothing and sent nothing more: three went out, one waits.
  expect((await simulatorState(editor)).pushes.filter((p) => p.fields.some(([f, v]) => f === "name" && v === "第五条"))).toEqual([]);
  const mine = (await (await editor.get("/api/pushes?size=50")).json()) as { records: Json[] };
  expect(mine.records.filter((r) => r.sent_by === "demo-editor2").map((r) => r.status)).toEqual([
    "sent",
    "sent",
    "pending_approval",
    "sent",
  ]);
});

test("preflight refuses bad input (400), a supervisor (403) and the signed-out (401), and follows 免打扰's time rules", async ({
  playwright,
}) => {
  const editor = await as("demo-editor");
  const [group] = await countedGroups(editor);
  for (const [body, field] of [
    [{ notify_way: 9, chuanbo_group: [group!.id] }, "notify_way"],
    [{ notify_way: 3, chuanbo_group: [] }, "chuanbo_group"],
    [{ notify_way: 3, chuanbo_group: ["101"] }, "chuanbo_group"],
    [{ notify_way: 3, chuanbo_group: [group!.id], scheduled_at: "明天早上" }, "scheduled_at"],
    [{ notify_way: 3, chuanbo_group: [group!.id], chuanbo_type_id: -1 }, "chuanbo_type_id"],
  ] as const) {
    const response = await editor.post("/api/pushes/preflight", { data: body });
    expect(response.status(), JSON.stringify(body)).toBe(400);
    const { error } = (await response.json()) as Json;
    expect(error.code).toBe("invalid_request");
    expect(Object.keys(error.fields)).toContain(field);
  }
  const notJson = await editor.post("/api/pushes/preflight", { headers: { "content-type": "application/json" }, data: "{" });
  expect(notJson.status()).toBe(400);

  // A time too soon is refused as POST refuses it, naming scheduled_at.
  const soon = await preflight(editor, {
    notify_way: 3,
    chuanbo_group: [group!.id],
    scheduled_at: new Date(Date.now() + 5_000).toISOString(),
  });
  expect(soon).toMatchObject({ decision: "refuse", code: "invalid_request" });
  expect(soon.fields.scheduled_at).toBeTruthy();

  const supervisor = await as("demo-supervisor");
  const forbidden = await supervisor.post("/api/pushes/preflight", { data: { notify_way: 3, chuanbo_group: [group!.id] } });
  expect(forbidden.status()).toBe(403);
  expect(((await forbidden.json()) as Json).error.code).toBe("forbidden");

  const anonymous = await playwright.request.newContext({ baseURL: policy.url });
  const signedOut = await anonymous.post("/api/pushes/preflight", { data: { notify_way: 3, chuanbo_group: [group!.id] } });
  expect(signedOut.status()).toBe(401);
  await anonymous.dispose();
});

async function composer(browser: Browser, path: string) {
  const editor = await as("demo-editor");
  const context = await browser.newContext({ baseURL: policy.url, storageState: await editor.storageState() });
  const page = await context.newPage();
  await page.goto(path);
  await page.getByLabel("推送名字").fill("防汛语音");
  await page.getByLabel("部门").selectOption({ label: "新闻中心" });
  await page.getByLabel("消息类型").selectOption({ label: "突发事件" });
  await page.getByRole("radio", { name: "语音消息" }).click();
  await page.getByLabel("语音模板").fill("今晚有暴雨，请远离河道。");
  return { page, editor };
}

test("an editor sees a held push before confirming: why, under the groups, and 提交审批 in the dialog", async ({ browser }) => {
  const editor = await as("demo-editor");
  const big = upTo(await countedGroups(editor), LINE);
  const { page } = await composer(browser, `/compose?groups=${big.ids.join(",")}`);
  const notice = page.getByTestId("preflight");
  await expect(notice).toContainText("需要审核人批准后才会发出");
  await expect(notice).toContainText(`预计触达 ${big.reach.toLocaleString("zh-CN")} 人，达到审批线 20,000 人`);

  // The button says what a press leads to.
  await page.getByRole("button", { name: "提交审批…" }).click();
  const dialog = page.getByRole("dialog", { name: "确认提交审批：语音消息" });
  await expect(dialog).toContainText("需要审核人批准后才会发出");
  await expect(dialog).toContainText("达到审批线 20,000 人");
  await expect(dialog.getByRole("button", { name: "确认发送" })).toHaveCount(0);
  await dialog.getByRole("button", { name: "提交审批" }).click();
  await expect(page.getByRole("heading", { name: "已提交审批：语音消息“防汛语音”" })).toBeVisible();
  await expect(page.getByText(`批准后将发给 ${big.ids.length} 个用户组`)).toBeVisible();
  expect((await simulatorState(editor)).pushes.filter((p) => p.fields.some(([f, v]) => f === "name" && v === "防汛语音"))).toEqual([]);
});

test("a push over the reach ceiling is flagged as the group that breaks it is chosen, and cannot be confirmed", async ({ browser }) => {
  const editor = await as("demo-editor");
  const groups = await countedGroups(editor);
  // The picker's first page; its largest group is the one that breaks the ceiling.
  const firstPage = ((await (await editor.get("/api/groups?current=1&size=10")).json()) as { records: Group[] }).records;
  const breaker = firstPage.filter((g) => g.pnum !== null).sort((a, b) => b.pnum! - a.pnum!)[0]!;
  const preset: number[] = [];
  let reach = 0;
  for (const group of groups.filter((g) => !firstPage.some((f) => f.id === g.id))) {
    if (reach > CEILING - breaker.pnum!) break;
    if (reach + group.pnum! <= CEILING) {
      preset.push(group.id);
      reach += group.pnum!;
    }
  }
  expect(reach + breaker.pnum!).toBeGreaterThan(CEILING);

  const { page } = await composer(browser, `/compose?groups=${preset.join(",")}`);
  const notice = page.getByTestId("preflight");
  await expect(notice).toContainText("需要审核人批准后才会发出");
  await pickGroups(page, [breaker]);
  await expect(notice).toContainText("这样不能发送");
  await expect(notice).toContainText(`超过了单条推送 30,000 人的上限，现在不能发送。请减少用户组后分批发送`);

  // 发送… does not open a confirmation: it brings the editor to why.
  await page.getByRole("button", { name: "发送…" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(notice).toBeFocused();

  // Removing it makes the draft sendable for approval again.
  await page.getByRole("button", { name: `移除 ${breaker.title}` }).click();
  await expect(notice).toContainText("需要审核人批准后才会发出");
});
