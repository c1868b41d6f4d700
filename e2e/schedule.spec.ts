import { request as playwrightRequest, expect, test, type APIRequestContext } from "@playwright/test";
import { startConsole, type ConsoleProcess } from "./support/console-process";
import { submit, voicePush } from "./support/pushes";
import { inBeijing, notificationPush, scheduleOptionsFile, sleep, smsPush } from "./support/schedule";
import { sessionsOn } from "./support/signed-in";
import { controlSimulator, simulatorState } from "./support/simulator";

// 定时发送 and 免打扰 over HTTP, on a console of their own (a lead of 2 s, so due times are seconds
// away; no test waits for minutes). What the vendor received, and when, is the simulator's record.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const json = async (response: { json(): Promise<unknown> }) => (await response.json()) as Json;
const ENV = { SCHEDULE_MIN_LEAD_SECONDS: "2" };

const record = async (request: APIRequestContext, id: string) => json(await request.get(`/api/pushes/${id}`));
const received = async (request: APIRequestContext, name: string) =>
  (await simulatorState(request)).pushes.filter((push) => push.fields.some(([field, value]) => field === "name" && value === name));
const audit = async (admin: APIRequestContext, query: string) => (await json(await admin.get(`/api/audit?${query}`))).records as Json[];

test.describe("scheduled pushes", () => {
  let console_: ConsoleProcess;
  const { as, disposeAll } = sessionsOn(() => console_.url);

  test.beforeAll(async () => {
    console_ = await startConsole("schedule", { env: { ...ENV, CHUANBO_OPTIONS_FILE: scheduleOptionsFile() } });
  });
  test.afterAll(async () => {
    await disposeAll();
    await console_?.stop();
  });

  test("answers 202 scheduled; nothing reaches the vendor before its time, then exactly once", async () => {
    const editor = await as("demo-editor");
    const key = crypto.randomUUID();
    const scheduledAt = inBeijing(4_000);
    const answer = await submit(editor, { ...voicePush("四秒后发", [102]), scheduled_at: scheduledAt }, key);
    expect(answer.status()).toBe(202);
    const body = await json(answer);
    expect(body).toEqual({ id: expect.any(String), status: "scheduled", scheduledAt: new Date(scheduledAt).toISOString() });
    // The same key replays the answer, and schedules nothing more.
    expect(await json(await submit(editor, { ...voicePush("四秒后发", [102]), scheduled_at: scheduledAt }, key))).toEqual(body);
    expect(await received(editor, "四秒后发")).toEqual([]);
    expect(await record(editor, body.id)).toMatchObject({ status: "scheduled", scheduled_at: body.scheduledAt });

    await expect.poll(async () => (await record(editor, body.id)).status, { timeout: 20_000 }).toBe("sent");
    const got = await received(editor, "四秒后发");
    expect(got).toHaveLength(1);
    expect(Date.parse(got[0]!.receivedAt)).toBeGreaterThanOrEqual(Date.parse(scheduledAt));
    // Several more passes of the scheduler, and a retry with the key: still once.
    await sleep(5_000);
    expect(await received(editor, "四秒后发")).toHaveLength(1);
    expect((await submit(editor, { ...voicePush("四秒后发", [102]), scheduled_at: scheduledAt }, key)).status()).toBe(201);
    expect(await received(editor, "四秒后发")).toHaveLength(1);
  });

  test("cancelled before its time by its author or a supervisor: never sent; nobody else may cancel", async () => {
    const editor = await as("demo-editor");
    const other = await as("demo-editor2");
    const supervisor = await as("demo-supervisor");
    const admin = await as("demo-admin");
    const mine = await json(await submit(editor, { ...voicePush("作者取消", [102]), scheduled_at: inBeijing(4_000) }));
    const theirsBody = { ...voicePush("审核人取消", [102]), scheduled_at: inBeijing(4_000) };
    const theirsKey = crypto.randomUUID();
    const theirs = await json(await submit(editor, theirsBody, theirsKey));

    const refused = await other.post(`/api/pushes/${mine.id}/cancel`, { data: {} });
    expect(refused.status()).toBe(403);
    expect((await json(refused)).error.code).toBe("forbidden");
    const cancelled = await editor.post(`/api/pushes/${mine.id}/cancel`, { data: {} });
    expect(cancelled.status()).toBe(200);
    expect(await json(cancelled)).toMatchObject({ id: mine.id, status: "cancelled", cancelled_by: "demo-editor" });
    // A supervisor cancelling someone else's push says why: none, blank or too long is refused by field.
    for (const data of [{}, { reason: "   " }, { reason: "因".repeat(201) }]) {
      const refusedReason = await supervisor.post(`/api/pushes/${theirs.id}/cancel`, { data });
      expect(refusedReason.status(), JSON.stringify(data).slice(0, 30)).toBe(400);
      expect(Object.keys((await json(refusedReason)).error.fields)).toEqual(["reason"]);
    }
    expect((await json(await supervisor.post(`/api/pushes/${theirs.id}/cancel`, { data: {} }))).error.fields.reason).toBe(
      "请写明取消理由，让作者知道为什么没有发出",
    );
    expect((await record(editor, theirs.id)).status).toBe("scheduled");
    expect(
      await json(await supervisor.post(`/api/pushes/${theirs.id}/cancel`, { data: { reason: " 内容有误，改日再发 " } })),
    ).toMatchObject({
      status: "cancelled",
      cancelled_by: "demo-supervisor",
      cancel_reason: "内容有误，改日再发",
    });
    // The author's retry of the same request is told who cancelled it, by name, and why.
    const retried = await submit(editor, theirsBody, theirsKey);
    expect(retried.status()).toBe(409);
    expect((await json(retried)).error).toMatchObject({
      code: "cancelled",
      message: "演示审核人取消了这条定时推送，没有发出。理由：内容有误，改日再发",
    });
    // 通知 tells the author of the supervisor's cancel, with the reason; not of their own.
    const notices = (await json(await editor.get("/api/notifications"))).items as Json[];
    expect(notices.find((n) => n.id === theirs.id)).toMatchObject({
      kind: "cancelled",
      by: "demo-supervisor",
      reason: "内容有误，改日再发",
    });
    expect(notices.find((n) => n.id === mine.id)).toBeUndefined();
    const again = await editor.post(`/api/pushes/${mine.id}/cancel`, { data: {} });
    expect(again.status()).toBe(409);
    expect((await json(again)).error.code).toBe("not_scheduled");

    await sleep(7_000); // past the due time, three passes of the scheduler
    expect(await received(editor, "作者取消")).toEqual([]);
    expect(await received(editor, "审核人取消")).toEqual([]);
    expect((await record(editor, mine.id)).status).toBe("cancelled");
    expect(await audit(admin, `action=push_cancelled&target=${mine.id}`)).toHaveLength(1);
    expect(await audit(admin, `action=push_cancelled&target=${theirs.id}`)).toEqual([
      expect.objectContaining({ actor: "demo-supervisor", details: expect.objectContaining({ reason: "内容有误，改日再发" }) }),
    ]);
    // /history's filter
    const list = await json(await editor.get("/api/pushes?status=cancelled"));
    expect(list.records.map((r: Json) => r.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
  });

  test("its author changes content and time on the same record (audited); the vendor gets the new content once", async () => {
    const editor = await as("demo-editor");
    const other = await as("demo-editor2");
    const admin = await as("demo-admin");
    const first = await json(await submit(editor, { ...voicePush("改之前", [102]), scheduled_at: inBeijing(60_000) }));
    const change = { ...voicePush("改之后", [103]), scheduled_at: inBeijing(4_000) };
    expect((await other.patch(`/api/pushes/${first.id}`, { data: change })).status()).toBe(403);
    const changed = await editor.patch(`/api/pushes/${first.id}`, { data: change });
    expect(changed.status()).toBe(200);
    expect(await json(changed)).toMatchObject({ id: first.id, name: "改之后", chuanbo_group: [103], status: "scheduled" });

    await expect.poll(async () => (await record(editor, first.id)).status, { timeout: 20_000 }).toBe("sent");
    expect(await received(editor, "改之前")).toEqual([]);
    expect(await received(editor, "改之后")).toHaveLength(1);
    const [entry] = await audit(admin, `action=push_rescheduled&target=${first.id}`);
    expect(entry?.details.before).toMatchObject({ name: "改之前" });
    expect(entry?.details.name).toBe("改之后");
    // Sent: no longer changeable.
    expect((await editor.patch(`/api/pushes/${first.id}`, { data: { ...change, scheduled_at: inBeijing(60_000) } })).status()).toBe(409);
  });

  test("a supervisor moves a waiting push's time (audited as the supervisor), never its content; nobody else may", async () => {
    const editor = await as("demo-editor");
    const other = await as("demo-editor2");
    const supervisor = await as("demo-supervisor");
    const admin = await as("demo-admin");
    const first = await json(await submit(editor, { ...voicePush("审核人改时间", [102]), scheduled_at: inBeijing(60_000) }));
    const move = (who: APIRequestContext, data: unknown) => who.post(`/api/pushes/${first.id}/reschedule`, { data });

    // Another editor and an admin may not; a supervisor may not change the content (PATCH).
    for (const who of [other, admin]) {
      const refused = await move(who, { scheduled_at: inBeijing(30_000) });
      expect(refused.status()).toBe(403);
      expect((await json(refused)).error).toMatchObject({ code: "forbidden", message: expect.stringContaining("作者或审核人") });
    }
    const rewrite = await supervisor.patch(`/api/pushes/${first.id}`, {
      data: { ...voicePush("审核人改内容", [103]), scheduled_at: inBeijing(30_000) },
    });
    expect(rewrite.status()).toBe(403);
    // Signed out.
    const anonymous = await playwrightRequest.newContext({ baseURL: console_.url });
    expect((await anonymous.post(`/api/pushes/${first.id}/reschedule`, { data: { scheduled_at: inBeijing(30_000) } })).status()).toBe(401);
    await anonymous.dispose();
    // The same time rules as a new push, by field, in Chinese.
    for (const [scheduledAt, words] of [
      ["garbage", "带时区"],
      [inBeijing(500), "至少在 2 秒之后"],
      [inBeijing(31 * 86_400_000), "30 天之内"],
      [undefined, "请填写新的定时时间"],
    ] as const) {
      const refused = await move(supervisor, { scheduled_at: scheduledAt });
      expect(refused.status()).toBe(400);
      expect((await json(refused)).error.fields.scheduled_at).toContain(words);
    }
    expect(await record(editor, first.id)).toMatchObject({ name: "审核人改时间", scheduled_at: first.scheduledAt, status: "scheduled" });

    const movedAt = inBeijing(4_000);
    const moved = await move(supervisor, { scheduled_at: movedAt });
    expect(moved.status()).toBe(200);
    expect(await json(moved)).toMatchObject({
      id: first.id,
      name: "审核人改时间",
      chuanbo_group: [102],
      sent_by: "demo-editor",
      status: "scheduled",
      scheduled_at: new Date(movedAt).toISOString(),
    });
    expect(await received(editor, "审核人改时间")).toEqual([]);
    // 通知 tells the author who moved it, and to when; once it goes, that it went at that time.
    const notice = async () => ((await json(await editor.get("/api/notifications"))).items as Json[]).find((n) => n.id === first.id);
    expect(await notice()).toMatchObject({
      kind: "moved",
      status: "scheduled",
      by: "demo-supervisor",
      scheduled_at: new Date(movedAt).toISOString(),
    });
    await expect.poll(async () => (await record(editor, first.id)).status, { timeout: 20_000 }).toBe("sent");
    expect(await notice()).toMatchObject({ kind: "moved", status: "sent", by: "demo-supervisor" });
    const got = await received(editor, "审核人改时间");
    expect(got).toHaveLength(1);
    expect(Date.parse(got[0]!.receivedAt)).toBeGreaterThanOrEqual(Date.parse(movedAt));
    expect(await audit(admin, `action=push_rescheduled&target=${first.id}`)).toEqual([
      expect.objectContaining({
        actor: "demo-supervisor",
        details: expect.objectContaining({
          sent_by: "demo-editor",
          time_only: true,
          before: expect.objectContaining({ scheduled_at: first.scheduledAt }),
        }),
      }),
    ]);
    // Sent: no longer movable.
    expect((await move(supervisor, { scheduled_at: inBeijing(60_000) })).status()).toBe(409);
  });

  test("a scheduled push the vendor refuses at its time: failed, and its author, away, is told in 通知", async () => {
    const editor = await as("demo-editor");
    const name = "到时被拒";
    await controlSimulator(editor, { faults: [{ kind: "code", action: "push_create", code: 1001, message: "短信签名未报备", times: 1 }] });
    const before = (await json(await editor.get("/api/notifications"))).unread as number;
    const scheduled = await json(await submit(editor, { ...voicePush(name, [102]), scheduled_at: inBeijing(3_000) }));
    await expect.poll(async () => (await record(editor, scheduled.id)).status, { timeout: 20_000 }).toBe("failed");
    const notices = await json(await editor.get("/api/notifications"));
    expect(notices.items[0]).toMatchObject({ id: scheduled.id, kind: "failed_at_time", status: "failed", by: null });
    expect(notices.unread).toBe(before + 1);
    // Its author's own scheduled push that went out is not news.
    const fine = await json(await submit(editor, { ...voicePush("到时发出", [102]), scheduled_at: inBeijing(3_000) }));
    await expect.poll(async () => (await record(editor, fine.id)).status, { timeout: 20_000 }).toBe("sent");
    expect(((await json(await editor.get("/api/notifications"))).items as Json[]).map((n) => n.id)).not.toContain(fine.id);
  });

  test("a supervisor moving an SMS into 免打扰 needs a reason (422 quiet_hours), which is recorded", async () => {
    const editor = await as("demo-editor");
    const supervisor = await as("demo-supervisor");
    const sms = await json(await submit(editor, { ...smsPush("审核人移入免打扰"), scheduled_at: inBeijing(3 * 3_600_000) }));
    expect(sms.status).toBe("scheduled");
    const into = inBeijing(60_000);
    const refused = await supervisor.post(`/api/pushes/${sms.id}/reschedule`, { data: { scheduled_at: into } });
    expect(refused.status()).toBe(422);
    expect((await json(refused)).error).toMatchObject({ code: "quiet_hours", message: expect.stringContaining("免打扰时段") });
    expect((await record(editor, sms.id)).scheduled_at).toBe(sms.scheduledAt);
    const anyway = await supervisor.post(`/api/pushes/${sms.id}/reschedule`, {
      data: { scheduled_at: into, quiet_hours_reason: "防汛紧急通知，须提前送达" },
    });
    expect(anyway.status()).toBe(200);
    expect(await json(anyway)).toMatchObject({
      scheduled_at: new Date(into).toISOString(),
      quiet_hours_reason: "防汛紧急通知，须提前送达",
    });
    await supervisor.post(`/api/pushes/${sms.id}/cancel`, { data: {} });
    expect(await received(editor, "审核人移入免打扰")).toEqual([]);
  });

  test("a time without an offset, too soon or too far is refused by field, and nothing is recorded", async () => {
    const editor = await as("demo-editor");
    const before = (await json(await editor.get("/api/pushes?size=10"))).total;
    for (const [scheduledAt, words] of [
      ["2026-05-01T07:30:00", "带时区"],
      [inBeijing(500), "至少在 2 秒之后"],
      [inBeijing(-60_000), "至少在 2 秒之后"],
      [inBeijing(31 * 86_400_000), "30 天之内"],
      [12345, "带时区"],
    ] as const) {
      const refused = await submit(editor, { ...voicePush("时间不对", [102]), scheduled_at: scheduledAt });
      expect(refused.status()).toBe(400);
      expect((await json(refused)).error.fields.scheduled_at).toContain(words);
    }
    expect((await json(await editor.get("/api/pushes?size=10"))).total).toBe(before);
  });

  test("a held push that is scheduled waits for approval; approved before its time, it goes at its time", async () => {
    const editor = await as("demo-editor");
    const supervisor = await as("demo-supervisor");
    const scheduledAt = inBeijing(5_000);
    const held = await submit(editor, { ...notificationPush("待批定时"), scheduled_at: scheduledAt });
    expect(held.status()).toBe(202);
    const body = await json(held);
    expect(body).toEqual({ id: expect.any(String), status: "pending_approval", scheduledAt: new Date(scheduledAt).toISOString() });
    const approved = await supervisor.post(`/api/approvals/${body.id}/approve`, { data: { rescheduled_at: null } });
    expect(approved.status()).toBe(202);
    expect(await json(approved)).toMatchObject({ status: "scheduled" });
    expect(await received(editor, "待批定时")).toEqual([]);
    await expect.poll(async () => (await record(editor, body.id)).status, { timeout: 20_000 }).toBe("sent");
    const got = await received(editor, "待批定时");
    expect(got).toHaveLength(1);
    expect(Date.parse(got[0]!.receivedAt)).toBeGreaterThanOrEqual(Date.parse(scheduledAt));
  });

  test("approved after its time but within the grace period, it is sent at once", async () => {
    const editor = await as("demo-editor");
    const supervisor = await as("demo-supervisor");
    const body = await json(await submit(editor, { ...notificationPush("迟批宽限内"), scheduled_at: inBeijing(4_000) }));
    await sleep(6_000);
    expect((await record(editor, body.id)).status).toBe("pending_approval");
    const approved = await supervisor.post(`/api/approvals/${body.id}/approve`, { data: { rescheduled_at: null } });
    expect(approved.status()).toBe(201);
    expect(await received(editor, "迟批宽限内")).toHaveLength(1);
  });

  test("免打扰: inside the window a real push needs a reason (422 quiet_hours otherwise); exempt types and later times pass", async () => {
    const editor = await as("demo-editor");
    const admin = await as("demo-admin");
    const refused = await submit(editor, smsPush("夜间短信"));
    expect(refused.status()).toBe(422);
    const { error } = await json(refused);
    expect(error).toMatchObject({ code: "quiet_hours", quietHours: { start: expect.any(String), end: expect.any(String) } });
    expect(error.message).toContain("免打扰时段");
    const next = Date.parse(error.nextAllowedAt);
    expect(next).toBeGreaterThan(Date.now());
    // A scheduled time inside the window is refused alike; the window's end is allowed.
    expect((await submit(editor, { ...smsPush("夜间短信"), scheduled_at: inBeijing(5_000) })).status()).toBe(422);
    const later = await submit(editor, { ...smsPush("夜间短信"), scheduled_at: new Date(next).toISOString() });
    expect(later.status()).toBe(202);
    await editor.post(`/api/pushes/${(await json(later)).id}/cancel`, { data: {} });
    expect(await received(editor, "夜间短信")).toEqual([]);

    // Exempt 消息类型 (突发事件), and other channels, go at once.
    expect((await submit(editor, smsPush("突发短信", 38))).status()).toBe(201);
    expect((await submit(editor, voicePush("夜间语音", [102]))).status()).toBe(201);

    // A blank reason is no reason.
    expect((await submit(editor, { ...smsPush("夜间短信"), quiet_hours_reason: "   " })).status()).toBe(422);
    const anyway = await submit(editor, { ...smsPush("夜间短信"), quiet_hours_reason: "防汛紧急通知，须立即送达" });
    expect(anyway.status()).toBe(201);
    const id = (await json(anyway)).id;
    expect(await record(editor, id)).toMatchObject({ status: "sent", quiet_hours_reason: "防汛紧急通知，须立即送达" });
    expect(await received(editor, "夜间短信")).toHaveLength(1);
    const [sent] = await audit(admin, `action=push_sent&target=${id}`);
    expect(sent?.details.quiet_hours_reason).toBe("防汛紧急通知，须立即送达");
  });
});

test.describe("a console that was down when pushes fell due", () => {
  test("sent once after a restart within the grace period; missed (audited, never sent) beyond it; a held one expires", async () => {
    test.setTimeout(120_000);
    const options = scheduleOptionsFile();
    let current = await startConsole("schedule-restart", { env: { ...ENV, CHUANBO_OPTIONS_FILE: options } });
    const { database } = current;
    const { as, disposeAll } = sessionsOn(() => current.url);
    try {
      let editor = await as("demo-editor");
      const within = await json(await submit(editor, { ...voicePush("重启后补发", [102]), scheduled_at: inBeijing(5_000) }));
      await current.stop(); // before its time
      await sleep(6_000);
      current = await startConsole("schedule-restart", { env: { ...ENV, CHUANBO_OPTIONS_FILE: options }, database });
      editor = await as("demo-editor");
      await expect.poll(async () => (await record(editor, within.id)).status, { timeout: 20_000 }).toBe("sent");
      expect(await received(editor, "重启后补发")).toHaveLength(1);

      const beyond = await json(await submit(editor, { ...voicePush("错过了", [102]), scheduled_at: inBeijing(4_000) }));
      const heldLate = await json(await submit(editor, { ...notificationPush("没批过期"), scheduled_at: inBeijing(4_000) }));
      expect(heldLate.status).toBe("pending_approval");
      await current.stop();
      await sleep(7_000);
      // A grace period of 1.2 s: both are now well past it.
      current = await startConsole("schedule-restart", {
        env: { ...ENV, CHUANBO_OPTIONS_FILE: options, SCHEDULE_GRACE_MINUTES: "0.02" },
        database,
      });
      editor = await as("demo-editor");
      await expect.poll(async () => (await record(editor, beyond.id)).status, { timeout: 20_000 }).toBe("missed");
      expect((await record(editor, heldLate.id)).status).toBe("expired");
      await sleep(4_500); // more passes: nothing is sent, the first is not sent again
      expect((await simulatorState(editor)).requests.push_create).toBe(0);
      expect((await record(editor, within.id)).status).toBe("sent");

      const supervisor = await as("demo-supervisor");
      const late = await supervisor.post(`/api/approvals/${heldLate.id}/approve`, { data: { rescheduled_at: null } });
      expect(late.status()).toBe(409);
      const admin = await as("demo-admin");
      expect(await audit(admin, `action=push_missed&target=${beyond.id}`)).toHaveLength(1);
      expect(await audit(admin, `action=push_expired&target=${heldLate.id}`)).toHaveLength(1);
      const missed = await json(await editor.get("/api/pushes?status=missed"));
      expect(missed.records.map((r: Json) => r.id)).toEqual([beyond.id]);
    } finally {
      await disposeAll();
      await current.stop();
    }
  });
});
