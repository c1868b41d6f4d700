import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { emptyValues, valuesFromPush } from "@/lib/compose/values";
import { applyTemplate, templateFromValues, templateOverwrites } from "@/lib/templates/fill";
import { canCreateTemplate, canEditTemplate } from "@/lib/templates/template";
import { fieldErrors } from "@/lib/validations/field-errors";
import { pushSchema } from "@/lib/validations/push";
import { templateSchema, type TemplateBody } from "@/lib/validations/template";
import type { Role } from "@/lib/auth/roles";

const errors = (schema: z.ZodMiniType, input: unknown) => {
  const result = z.safeParse(schema, input);
  return result.success ? {} : fieldErrors(result.error);
};

const common = { name: "台风预警", section_id: 90, chuanbo_type_id: 38, chuanbo_group: [123] };

describe("template schema: the push's channel rules, one definition", () => {
  const contents: Array<Record<string, unknown>> = [
    { notify_way: 1, push_title: "", push_content: "x".repeat(2001) },
    { notify_way: 1, push_title: "t", push_content: "c", push_icon: "ftp://x", link_type: 2, link_content: "12a" },
    { notify_way: 1, push_title: "t", push_content: "c", link_content: "5" },
    { notify_way: 1, push_title: "t", push_content: "c", link_type: 3 },
    { notify_way: 2, msg_sign_id: 0, msg_template: "😀".repeat(71) },
    { notify_way: 3, voice_content: 42 },
    { notify_way: 3, voice_content: "   " },
  ];
  it.each(contents)("gives the push route's message for every content field of %j", (content) => {
    const template = errors(templateSchema, { name: "模板", ...content });
    const push = errors(pushSchema, { ...common, ...content });
    expect(Object.keys(template).length).toBeGreaterThan(0);
    expect(template).toEqual(push);
  });

  it("names its own name's limits, and keeps only the channel's fields", () => {
    expect(errors(templateSchema, { name: " ", notify_way: 3, voice_content: "v" })).toEqual({ name: "请填写模板名称" });
    expect(errors(templateSchema, { name: "模".repeat(51), notify_way: 3, voice_content: "v" })).toEqual({
      name: "模板名称最多 50 个字，现在有 51 个",
    });
    const parsed = z.parse(templateSchema, { name: " 模板 ", notify_way: 3, voice_content: " v ", chuanbo_group: [1], push_title: "x" });
    expect(parsed).toEqual({ name: "模板", notify_way: 3, voice_content: "v" });
  });
});

describe("who may change a template", () => {
  const someone = (username: string, roles: Role[]) => ({ username, roles });
  const mine = { created_by: "zhang" };
  it.each([
    [someone("zhang", ["editor"]), true],
    [someone("li", ["editor"]), false],
    [someone("ZHANG", ["editor"]), false],
    [someone("zhang ", ["editor"]), false],
    [someone("zhang", []), false],
    [someone("li", ["supervisor"]), true],
    [someone("li", ["admin"]), true],
    [someone("li", ["editor", "supervisor"]), true],
    [someone("", ["editor"]), false],
  ] as const)("%j edits zhang's: %s", (user, allowed) => {
    expect(canEditTemplate(user, mine)).toBe(allowed);
  });
  it("an editor whose template's author is empty cannot claim it by being empty too", () => {
    expect(canEditTemplate(someone("", []), { created_by: "" })).toBe(false);
  });
  it.each([
    [["editor"], true],
    [["supervisor"], false],
    [["admin"], false],
    [[], false],
    [["supervisor", "editor"], true],
  ] as const)("roles %j create: %s", (roles, allowed) => {
    expect(canCreateTemplate({ username: "x", roles })).toBe(allowed);
  });
});

describe("filling the composer from a template", () => {
  const sms: TemplateBody = { name: "短信模板", notify_way: 2, msg_sign_id: 50, msg_template: "明天有台风。" };
  const typed = { ...emptyValues(), name: "推送", section_id: 90, chuanbo_group: [1, 2], push_title: "我写的标题", notify_way: 1 as const };

  it("switches to the template's channel and fills only its fields; groups and the rest stay", () => {
    const next = applyTemplate(typed, sms);
    expect(next).toEqual({ ...typed, notify_way: 2, msg_sign_id: 50, msg_template: "明天有台风。" });
  });

  it("asks before replacing what was typed in that channel, not in another", () => {
    expect(templateOverwrites(typed, sms)).toBe(false);
    expect(templateOverwrites({ ...typed, msg_template: "   " }, sms)).toBe(false);
    expect(templateOverwrites({ ...typed, msg_template: "别的内容" }, sms)).toBe(true);
    expect(templateOverwrites({ ...typed, msg_sign_id: 51 }, sms)).toBe(true);
    expect(templateOverwrites({ ...typed, msg_sign_id: 50, msg_template: "明天有台风。" }, sms)).toBe(false);
    const notification: TemplateBody = { name: "n", notify_way: 1, push_title: "标题", push_content: "内容" };
    expect(templateOverwrites(typed, notification)).toBe(true);
  });

  it("saves the chosen channel's fields only, leaving blank optional ones out", () => {
    const values = valuesFromPush({ ...common, notify_way: 1, push_title: "标题", push_content: "内容" });
    expect(templateFromValues("名", { ...values, msg_template: "别的频道" })).toEqual({
      name: "名",
      notify_way: 1,
      push_title: "标题",
      push_content: "内容",
    });
  });
});
