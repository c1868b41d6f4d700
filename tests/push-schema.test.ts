import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { toWireFields } from "@/lib/chuanbo/wire";
import { fieldErrors } from "@/lib/validations/field-errors";
import { pushSchema, vendorPushSchema } from "@/lib/validations/push";

const common = { name: "台风预警", section_id: 90, chuanbo_type_id: 38, chuanbo_group: [123, 144] };
const notification = { ...common, notify_way: 1, push_title: "台风来了", push_content: "请注意防范" };
const sms = { ...common, notify_way: 2, msg_sign_id: 50, msg_template: "明天有台风，请减少外出。" };
const voice = { ...common, notify_way: 3, voice_content: "各位居民请注意，台风即将登陆。" };

const errorsOf = (input: unknown) => {
  const result = z.safeParse(pushSchema, input);
  return result.success ? {} : fieldErrors(result.error);
};

describe("push schema: the vendor's rules", () => {
  it("accepts a valid push of each channel", () => {
    for (const input of [notification, sms, voice]) expect(errorsOf(input)).toEqual({});
  });

  it("requires the common fields, in Chinese, per field", () => {
    expect(errorsOf({ notify_way: 2, msg_sign_id: 50, msg_template: "x" })).toEqual({
      name: "请填写推送名字",
      section_id: "请选择部门",
      chuanbo_type_id: "请选择消息类型",
      chuanbo_group: "请至少选择一个推送用户组",
    });
    expect(errorsOf({ ...sms, name: "   ", chuanbo_group: [] })).toEqual({
      name: "请填写推送名字",
      chuanbo_group: "请至少选择一个推送用户组",
    });
  });

  it("requires a channel, and the chosen channel's own fields", () => {
    expect(errorsOf({ ...common })).toEqual({ notify_way: "请选择推送类型：系统通知、短信推送或语音消息" });
    expect(errorsOf({ ...common, notify_way: 4 })).toHaveProperty("notify_way");
    expect(errorsOf({ ...common, notify_way: 1 })).toEqual({ push_title: "请填写推送标题", push_content: "请填写推送内容" });
    expect(errorsOf({ ...common, notify_way: 2 })).toEqual({ msg_sign_id: "请选择短信签名", msg_template: "请填写短信模板" });
    expect(errorsOf({ ...common, notify_way: 3, voice_content: " " })).toEqual({ voice_content: "请填写语音模板" });
  });

  it("counts characters as code points: 8 for the tag, 70 for SMS, 500 for voice", () => {
    expect(errorsOf({ ...sms, task_tag: "标签标签标签标签" })).toEqual({});
    expect(errorsOf({ ...sms, task_tag: "标签标签标签标签标" })).toEqual({ task_tag: "推送标签最多 8 个字，现在有 9 个" });
    // 70 emoji are 140 UTF-16 units but 70 characters.
    expect(errorsOf({ ...sms, msg_template: "😀".repeat(70) })).toEqual({});
    expect(errorsOf({ ...sms, msg_template: "字".repeat(71) })).toEqual({ msg_template: "短信模板最多 70 个字，现在有 71 个" });
    expect(errorsOf({ ...voice, voice_content: "音".repeat(500) })).toEqual({});
    expect(errorsOf({ ...voice, voice_content: "音".repeat(501) })).toEqual({ voice_content: "语音模板最多 500 个字，现在有 501 个" });
  });

  it("allows link types 2 (稿件) and 4 (通知) only, with content, and an article id of digits", () => {
    expect(errorsOf({ ...notification, link_type: 2, link_content: "123456" })).toEqual({});
    expect(errorsOf({ ...notification, link_type: 4, link_content: "停水通知" })).toEqual({});
    for (const link_type of [0, 1, 3]) {
      expect(errorsOf({ ...notification, link_type, link_content: "1" })).toEqual({ link_type: "链接类型只能是稿件或通知" });
    }
    expect(errorsOf({ ...notification, link_type: 2, link_content: "12a" })).toEqual({ link_content: "稿件 id 只能是数字" });
    expect(errorsOf({ ...notification, link_type: 2 })).toEqual({ link_content: "选了链接类型，请填写链接内容" });
    expect(errorsOf({ ...notification, link_content: "99" })).toEqual({ link_type: "填了链接内容，请选择链接类型" });
  });

  it("wants an http(s) icon URL", () => {
    expect(errorsOf({ ...notification, push_icon: "https://img.example.com/a.png" })).toEqual({});
    expect(errorsOf({ ...notification, push_icon: "javascript:alert(1)" })).toEqual({
      push_icon: "消息图标须是以 http:// 或 https:// 开头的图片地址，或本控制台的图标（如 /icons/news.svg）",
    });
  });

  it("treats blank optional text as absent and trims what it keeps", () => {
    const parsed = z.parse(pushSchema, { ...notification, name: "  台风预警 ", task_tag: "  ", push_icon: "", link_content: "" });
    expect(parsed).toEqual({ ...notification, name: "台风预警" });
  });
});

describe("wire fields: only the chosen channel goes out, under the vendor's names", () => {
  it("sends a notification's fields and drops the other channels' values", () => {
    const push = z.parse(pushSchema, {
      ...notification,
      chuanbo_directive_id: 7,
      task_tag: "防汛",
      push_icon: "https://img.example.com/a.png",
      link_type: 2,
      link_content: "123",
      msg_template: "typed earlier for SMS",
      voice_content: "typed earlier for voice",
    });
    expect(toWireFields(push)).toEqual([
      ["name", "台风预警"],
      ["section_id", "90"],
      ["chuanbo_type_id", "38"],
      ["chuanbo_directive_id", "7"],
      ["notify_way", "1"],
      ["task_tag", "防汛"],
      ["chuanbo_group", "123,144"],
      ["link_type", "2"],
      ["link_content", "123"],
      ["push_icon", "https://img.example.com/a.png"],
      ["push_title", "台风来了"],
      ["push_content", "请注意防范"],
    ]);
  });

  it("sends SMS and voice with their own fields only", () => {
    const names = (input: unknown) => toWireFields(z.parse(pushSchema, input)).map(([name]) => name);
    expect(names({ ...sms, push_title: "x", voice_content: "y" })).toEqual([
      "name",
      "section_id",
      "chuanbo_type_id",
      "notify_way",
      "chuanbo_group",
      "msg_sign_id",
      "msg_template",
    ]);
    expect(names({ ...voice, msg_template: "x", link_type: 2 })).toEqual([
      "name",
      "section_id",
      "chuanbo_type_id",
      "notify_way",
      "chuanbo_group",
      "voice_content",
    ]);
  });
});

describe("link rules show at once", () => {
  it("reports a bad article id even while required fields are still empty", () => {
    expect(errorsOf({ notify_way: 1, chuanbo_group: [1], link_type: 2, link_content: "12a" })).toMatchObject({
      name: "请填写推送名字",
      push_title: "请填写推送标题",
      link_content: "稿件 id 只能是数字",
    });
  });
});

describe("push schema: the console's own maxima on top of the vendor's rules", () => {
  const vendorErrorsOf = (input: unknown) => {
    const result = z.safeParse(vendorPushSchema, input);
    return result.success ? {} : fieldErrors(result.error);
  };
  const link = { link_type: 4, link_content: "通" };
  const atLimit = {
    ...notification,
    ...link,
    name: "名".repeat(50),
    push_title: "标".repeat(100),
    push_content: "😀".repeat(2000),
    push_icon: `https://img.example.com/${"a".repeat(476)}`,
    link_content: "通".repeat(500),
  };

  it("accepts every field at its maximum, counting characters as code points", () => {
    expect(atLimit.push_icon).toHaveLength(500);
    expect(errorsOf(atLimit)).toEqual({});
  });

  it.each([
    ["name", "名".repeat(51), "推送名字最多 50 个字，现在有 51 个"],
    ["push_title", "标".repeat(101), "推送标题最多 100 个字，现在有 101 个"],
    ["push_content", "😀".repeat(2001), "推送内容最多 2,000 个字，现在有 2,001 个"],
    ["push_content", `  ${"字".repeat(18_000)}  `, "推送内容最多 2,000 个字，现在有 18,000 个"],
    ["push_icon", `https://img.example.com/${"a".repeat(477)}`, "消息图标地址最多 500 个字，现在有 501 个"],
    ["link_content", "通".repeat(501), "链接内容最多 500 个字，现在有 501 个"],
  ])("refuses %s one past its maximum, with the count", (field, value, message) => {
    expect(errorsOf({ ...notification, ...link, [field]: value })).toEqual({ [field]: message });
  });

  it("leaves the simulator's schema to the vendor's rules alone: the same long push passes there", () => {
    const long = {
      ...notification,
      ...link,
      name: "名".repeat(51),
      push_title: "标".repeat(101),
      push_content: "字".repeat(18_000),
      link_content: "通".repeat(501),
    };
    expect(Object.keys(errorsOf(long)).sort()).toEqual(["link_content", "name", "push_content", "push_title"]);
    expect(vendorErrorsOf(long)).toEqual({});
    // The vendor's own limits hold in both.
    expect(vendorErrorsOf({ ...sms, msg_template: "长".repeat(71) })).toEqual({ msg_template: "短信模板最多 70 个字，现在有 71 个" });
  });
});
