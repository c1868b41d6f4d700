import { expect, test, type APIRequestContext } from "@playwright/test";
import { STATE } from "./support/auth";
import { notificationTemplate } from "./support/pushes";
import type { Template, TemplatePage } from "../lib/templates/template";

// 常用模板 over HTTP: who may create, change and delete which template, by the push's own rules,
// every change on record.

type Entry = { actor: string | null; action: string; target: string | null; details: Record<string, unknown> };

const unique = (label: string) => `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const JSON_HEADERS = { "content-type": "application/json" };

async function as(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, state: string) {
  return playwright.request.newContext({ baseURL: test.info().project.use.baseURL, storageState: state });
}

async function create(request: APIRequestContext, body: object): Promise<Template> {
  const response = await request.post("/api/templates", { data: body });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as Template;
}

async function auditFor(playwright: Parameters<typeof as>[0], query: string): Promise<Entry[]> {
  const admin = await as(playwright, STATE.admin);
  const entries = ((await (await admin.get(`/api/audit?${query}`)).json()) as { records: Entry[] }).records;
  await admin.dispose();
  return entries;
}

test("an editor creates, reads, changes and deletes a template of their own, each change audited", async ({ request, playwright }) => {
  const name = unique("防汛模板");
  const template = await create(request, { ...notificationTemplate(name), push_title: "  暴雨预警  " });
  // Parsed by the push's rules: trimmed, and only the channel's own fields are kept.
  expect(template).toMatchObject({ ...notificationTemplate(name), created_by: "demo-editor", updated_by: "demo-editor" });
  expect(template.id).toMatch(/^[0-9a-f-]{36}$/);
  expect((await (await request.get(`/api/templates/${template.id}`)).json()).push_title).toBe("暴雨预警");

  const changed = await request.patch(`/api/templates/${template.id}`, {
    data: { name: `${name}改`, notify_way: 3, voice_content: "今晚有暴雨。" },
  });
  expect(changed.status()).toBe(200);
  const after = (await changed.json()) as Template;
  expect(after).toMatchObject({ name: `${name}改`, notify_way: 3, voice_content: "今晚有暴雨。", created_by: "demo-editor" });
  expect(after).not.toHaveProperty("push_title");

  const removed = await request.delete(`/api/templates/${template.id}`, { headers: JSON_HEADERS });
  expect(removed.status()).toBe(200);
  const gone = await request.get(`/api/templates/${template.id}`);
  expect(gone.status()).toBe(404);
  expect((await gone.json()).error).toMatchObject({ code: "not_found", message: expect.stringContaining("没有找到这个模板") });

  expect(await auditFor(playwright, `target=${template.id}`)).toEqual([
    expect.objectContaining({ action: "template_deleted", actor: "demo-editor", details: expect.objectContaining({ name: `${name}改` }) }),
    expect.objectContaining({
      action: "template_updated",
      actor: "demo-editor",
      details: expect.objectContaining({ from_name: name, notify_way: 3 }),
    }),
    expect.objectContaining({ action: "template_created", actor: "demo-editor", details: { name, notify_way: 1 } }),
  ]);
});

test("another editor cannot change or delete it (403, audited); supervisors and admins can; only editors create", async ({
  request,
  playwright,
}) => {
  const template = await create(request, notificationTemplate(unique("共享模板")));
  const editor2 = await as(playwright, STATE.editor2);
  expect((await editor2.get(`/api/templates/${template.id}`)).status()).toBe(200);
  for (const response of [
    await editor2.patch(`/api/templates/${template.id}`, { data: notificationTemplate("抢改") }),
    await editor2.delete(`/api/templates/${template.id}`, { headers: JSON_HEADERS }),
  ]) {
    expect(response.status()).toBe(403);
    expect((await response.json()).error).toEqual({
      code: "forbidden",
      message: expect.stringContaining("编辑只能修改和删除自己建的模板"),
    });
  }
  await editor2.dispose();
  expect(((await (await request.get(`/api/templates/${template.id}`)).json()) as Template).name).toBe(template.name);
  const refusals = await auditFor(playwright, `action=access_denied&actor=demo-editor2&target=/api/templates/${template.id}`);
  expect(refusals.map((e) => e.details)).toEqual([
    { method: "DELETE", need: "template_owner", created_by: "demo-editor" },
    { method: "PATCH", need: "template_owner", created_by: "demo-editor" },
  ]);

  const supervisor = await as(playwright, STATE.supervisor);
  const posted = await supervisor.post("/api/templates", { data: notificationTemplate("审核人的模板") });
  expect(posted.status()).toBe(403);
  expect((await posted.json()).error.message).toContain("只有编辑可以新建模板");
  const edited = await supervisor.patch(`/api/templates/${template.id}`, {
    data: { ...notificationTemplate("审核人改过"), push_title: "改后的标题" },
  });
  expect(edited.status()).toBe(200);
  expect(await edited.json()).toMatchObject({ name: "审核人改过", created_by: "demo-editor", updated_by: "demo-supervisor" });
  await supervisor.dispose();

  const admin = await as(playwright, STATE.admin);
  expect((await admin.delete(`/api/templates/${template.id}`, { headers: JSON_HEADERS })).status()).toBe(200);
  expect((await admin.delete(`/api/templates/${template.id}`, { headers: JSON_HEADERS })).status()).toBe(404);
  expect((await admin.patch(`/api/templates/${template.id}`, { data: notificationTemplate("x") })).status()).toBe(404);
  await admin.dispose();
  expect((await auditFor(playwright, `target=${template.id}`)).map((e) => `${e.action}:${e.actor}`)).toEqual([
    "template_deleted:demo-admin",
    "template_updated:demo-supervisor",
    "template_created:demo-editor",
  ]);
});

test("invalid content is refused with 400 and the very field messages the push route gives", async ({ request }) => {
  const content = {
    notify_way: 1,
    push_title: "标".repeat(101),
    push_content: "   ",
    push_icon: "javascript:alert(1)",
    link_type: 2,
    link_content: "abc",
  };
  const template = await request.post("/api/templates", { data: { name: "名".repeat(51), ...content } });
  expect(template.status()).toBe(400);
  const push = await request.post("/api/pushes", {
    data: { name: "对照", section_id: 90, chuanbo_type_id: 38, chuanbo_group: [1], ...content },
    headers: { "idempotency-key": crypto.randomUUID() },
  });
  expect(push.status()).toBe(400);
  const templateFields = (await template.json()).error.fields as Record<string, string>;
  const pushFields = (await push.json()).error.fields as Record<string, string>;
  expect(templateFields.name).toBe("模板名称最多 50 个字，现在有 51 个");
  for (const field of ["push_title", "push_content", "push_icon", "link_content"]) {
    expect(templateFields[field], field).toBeTruthy();
    expect(templateFields[field], field).toBe(pushFields[field]);
  }
  // The other channels too, and a template without a channel.
  const sms = await request.post("/api/templates", { data: { name: "短信", notify_way: 2, msg_template: "x".repeat(71) } });
  expect((await sms.json()).error.fields).toEqual({ msg_sign_id: "请选择短信签名", msg_template: "短信模板最多 70 个字，现在有 71 个" });
  const none = await request.post("/api/templates", { data: { name: "无类型" } });
  expect((await none.json()).error.fields).toEqual({ notify_way: "请选择推送类型：系统通知、短信推送或语音消息" });
  // Nothing was stored by any of them.
  const list = (await (await request.get(`/api/templates?q=${encodeURIComponent("名".repeat(51))}`)).json()) as TemplatePage;
  expect(list.total).toBe(0);
});

test("the list is searchable by words of the name or content and by channel, newest change first, paged", async ({ request }) => {
  const word = unique("检索词").toLowerCase();
  const voice = await create(request, { name: `语音 ${word}`, notify_way: 3, voice_content: "请注意防范" });
  const sms = await create(request, { name: "短信提醒", notify_way: 2, msg_sign_id: 1, msg_template: `内容里有 ${word} 和 50% 折扣` });
  const find = async (query: string) => (await (await request.get(`/api/templates?${query}`)).json()) as TemplatePage;

  expect((await find(`q=${word}`)).records.map((t) => t.id)).toEqual([sms.id, voice.id]);
  expect((await find(`q=${encodeURIComponent(`${word.toUpperCase()}  防范`)}`)).records.map((t) => t.id)).toEqual([voice.id]);
  expect((await find(`q=${word}&notify_way=2`)).records.map((t) => t.id)).toEqual([sms.id]);
  // SQL wildcards are plain characters here.
  expect((await find(`q=${encodeURIComponent(`${word} %`)}`)).records.map((t) => t.id)).toEqual([sms.id]);
  expect((await find(`q=${encodeURIComponent(`${word} _`)}`)).total).toBe(0);
  expect(await find(`q=${word}&size=1&current=2`)).toMatchObject({ total: 2, size: 1, current: 2, pages: 2, records: [{ id: voice.id }] });

  const bad = await request.get("/api/templates?notify_way=9");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.fields).toEqual({ notify_way: "notify_way 只能是 1（系统通知）、2（短信推送）或 3（语音消息）" });
});

test("signed out, forged origins and racing changes get nothing they should not", async ({ request, playwright }) => {
  const baseURL = test.info().project.use.baseURL;
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  expect((await anonymous.get("/api/templates")).status()).toBe(401);
  expect((await anonymous.post("/api/templates", { data: notificationTemplate("匿名") })).status()).toBe(401);
  await anonymous.dispose();

  const template = await create(request, notificationTemplate(unique("竞态模板")));
  const crossSite = await request.patch(`/api/templates/${template.id}`, {
    data: notificationTemplate("跨站"),
    headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  });
  expect(crossSite.status()).toBe(403);
  expect((await request.delete(`/api/templates/${template.id}`)).status()).toBe(415);

  // The owner's change and a supervisor's delete at once: whichever wins, the answers agree with what is stored.
  const supervisor = await as(playwright, STATE.supervisor);
  const [patched, deleted] = await Promise.all([
    request.patch(`/api/templates/${template.id}`, { data: notificationTemplate(unique("竞态改名")) }),
    supervisor.delete(`/api/templates/${template.id}`, { headers: JSON_HEADERS }),
  ]);
  await supervisor.dispose();
  expect(deleted.status()).toBe(200);
  expect([200, 404]).toContain(patched.status());
  expect((await request.get(`/api/templates/${template.id}`)).status()).toBe(404);
  const actions = (await auditFor(playwright, `target=${template.id}`)).map((e) => e.action);
  expect(actions).toEqual(
    patched.status() === 200 ? ["template_deleted", "template_updated", "template_created"] : ["template_deleted", "template_created"],
  );
});

test("one template per name: a name another template has is refused (409, on the name field), also on renaming and when two save it at once", async ({
  request,
  playwright,
}) => {
  const name = unique("停水通知");
  const first = await create(request, notificationTemplate(name));
  const taken = `已有名为「${name}」的模板（演示编辑建的）。请换一个名称，以便在模板列表里分得清。`;

  // Another editor, any channel: refused, said on the name field, nothing stored.
  const editor2 = await as(playwright, STATE.editor2);
  const again = await editor2.post("/api/templates", { data: { name, notify_way: 3, voice_content: "明天停水。" } });
  expect(again.status()).toBe(409);
  expect((await again.json()).error).toEqual({ code: "name_taken", message: taken, fields: { name: taken } });
  // The name as parsed: spaces around it do not make it another.
  expect((await editor2.post("/api/templates", { data: notificationTemplate(`  ${name} `) })).status()).toBe(409);
  await editor2.dispose();

  // Renaming another template to it: refused, that template unchanged. Keeping one's own name is not a clash.
  const second = await create(request, notificationTemplate(unique("停电通知")));
  const renamed = await request.patch(`/api/templates/${second.id}`, { data: notificationTemplate(name) });
  expect(renamed.status()).toBe(409);
  // Said to its own creator as theirs.
  expect((await renamed.json()).error.fields).toEqual({ name: `你已有一个名为「${name}」的模板。请换一个名称，以便在模板列表里分得清。` });
  expect(((await (await request.get(`/api/templates/${second.id}`)).json()) as Template).name).toBe(second.name);
  const kept = await request.patch(`/api/templates/${first.id}`, { data: { ...notificationTemplate(name), push_title: "停水预告" } });
  expect(kept.status(), await kept.text()).toBe(200);

  // Five saves of one new name at the same moment, by two editors: exactly one is stored.
  const raced = unique("抢名模板");
  const other = await as(playwright, STATE.editor2);
  const answers = await Promise.all(
    [request, other, request, other, request].map((who) => who.post("/api/templates", { data: notificationTemplate(raced) })),
  );
  await other.dispose();
  expect(answers.map((a) => a.status()).sort()).toEqual([201, 409, 409, 409, 409]);
  expect(((await (await request.get(`/api/templates?q=${encodeURIComponent(raced)}`)).json()) as TemplatePage).total).toBe(1);

  // Once deleted, its name is free again.
  expect((await request.delete(`/api/templates/${first.id}`, { headers: JSON_HEADERS })).status()).toBe(200);
  await create(request, notificationTemplate(name));
});
