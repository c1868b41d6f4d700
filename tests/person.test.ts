import { describe, expect, it } from "vitest";
import { notificationText, type NotificationItem } from "@/lib/pushes/notifications";
import { personName, personWithAccount, userWithAccount } from "@/lib/text/person";
import { zh } from "@/lib/text/zh";

describe("people as pages show them", () => {
  const names = { "demo-editor": "演示编辑" };

  it("by name where the record has one, else by username, — for nobody", () => {
    expect(personName("demo-editor", names)).toBe("演示编辑");
    expect(personName("cli:ops", names)).toBe("cli:ops");
    expect(personName("demo-editor", undefined)).toBe("demo-editor");
    expect(personName(null, names)).toBe("—");
  });

  it("with the account after the name where it matters which account it was", () => {
    expect(personWithAccount("demo-editor", names)).toBe("演示编辑（demo-editor）");
    expect(personWithAccount("gone-user", names)).toBe("gone-user");
    expect(personWithAccount(null, names)).toBe("—");
  });

  it("a console user the same way, by username alone where the name says nothing more", () => {
    expect(userWithAccount({ username: "zhangsan", name: "张三" })).toBe("张三（zhangsan）");
    expect(userWithAccount({ username: "sso-user", name: "sso-user" })).toBe("sso-user");
    expect(userWithAccount({ username: "no-name", name: "" })).toBe("no-name");
  });

  it("names the supervisor who decided, in the header's 通知", () => {
    const item: NotificationItem = {
      id: "a",
      name: "停水通知",
      status: "rejected",
      kind: "decided",
      at: "",
      by: "sup",
      reason: "改在白天",
      scheduled_at: null,
      names: { sup: "王审核" },
    };
    expect(notificationText(item)).toBe("「停水通知」被王审核驳回：改在白天");
    expect(notificationText({ ...item, status: "sent", names: {} })).toBe("「停水通知」已由 sup 批准并发出。");
    expect(notificationText({ ...item, by: null })).toBe("「停水通知」被审核人驳回：改在白天");
  });
});

describe("zh: sentences with people and numbers in them", () => {
  it("puts a space only where Chinese meets a Latin letter or a digit", () => {
    expect(zh`被${"演示审核人"}驳回`).toBe("被演示审核人驳回");
    expect(zh`被${"demo-supervisor"}驳回`).toBe("被 demo-supervisor 驳回");
    expect(zh`${"演示编辑"}提交于${"2026-03-01 09:00"}`).toBe("演示编辑提交于 2026-03-01 09:00");
    expect(zh`「${"Q3 通知"}」被${"李四"}驳回：${"太长"}`).toBe("「Q3 通知」被李四驳回：太长");
    expect(zh`${"—"}提交于${"2026"}`).toBe("—提交于 2026");
    expect(zh`共${1200}人`).toBe("共 1200 人");
    expect(zh`${""}驳回`).toBe("驳回");
  });
});
