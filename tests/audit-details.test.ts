import { describe, expect, it } from "vitest";
import { auditDetailsText, displayAddress, groupsText } from "@/lib/auth/audit-details";
import { groupStatusText } from "@/lib/validations/group-labels";

const names = new Map([
  [101, "城东街道网格员"],
  [102, "城西志愿者"],
]);

describe("audit details in words", () => {
  it("says a push as people read it: channel, groups by name, reach with separators", () => {
    expect(
      auditDetailsText(
        { name: "停水通知", notify_way: 2, chuanbo_group: [101, 102, 999], reach: 6063, is_test: false, sent_by: "demo-editor" },
        names,
      ),
    ).toBe("推送「停水通知」 · 渠道 短信推送 · 用户组 城东街道网格员 等 3 个 · 约 6,063 人 · 发送人 demo-editor");
  });

  it.each([
    [[101], "用户组 城东街道网格员"],
    [[999], "用户组 #999"],
    [[999, 101], "用户组 #999 等 2 个"],
    [[], "无用户组"],
    [["<b>x</b>"], "用户组 #<b>x</b>"],
  ])("groups %j read %s (#id only for a group the index does not have)", (ids, text) => {
    expect(groupsText(ids, names)).toBe(text);
  });

  it.each([
    [{ status: 401 }, "HTTP 401"],
    [{ status: 429, reason: "account_limited" }, "HTTP 429 · 该用户名失败次数过多，暂时锁定"],
    [{ method: "GET", need: "admin" }, "请求 GET · 需要管理员权限"],
    [{ reason: "own_push" }, "审批自己提交的推送"],
    [{ reason: "内容有误" }, "理由：内容有误"],
    [{ from: ["editor"], to: ["editor", "supervisor"] }, "角色 编辑 → 编辑、审核人"],
    [{ roles: [] }, "角色 无角色"],
    [{ code: "reach_exceeded", reach: null, recent: 1200 }, "超出单条推送触达上限 · 过去一小时已发 1,200 条"],
    [{ upstream_code: 0, upstream_message: "success", request_id: "r-1" }, "上游返回「success」（code 0） · 请求编号 r-1"],
    [{ upstream_code: 500, upstream_message: null }, "上游返回 code 500"],
    [{ scheduled_at: "2026-11-29T02:00:00.000Z" }, "定时 2026-11-29 10:00:00"],
    [{ status: "scheduled" }, "状态 已定时"],
    [{ before: { name: "旧名", scheduled_at: "2026-11-29T02:00:00.000Z" } }, "修改前「旧名」，定时 2026-11-29 10:00:00"],
    [{ something_new: { a: 1 } }, 'something_new {"a":1}'],
    [{ empty: "", none: null, is_test: false }, ""],
    [{}, ""],
  ])("%j reads %s", (details, text) => {
    expect(auditDetailsText(details)).toBe(text);
  });
});

describe("addresses as people write them", () => {
  it.each([
    ["::ffff:1.2.3.4", "1.2.3.4"],
    ["::FFFF:127.0.0.1", "127.0.0.1"],
    ["::ffff:102:304", "1.2.3.4"],
    ["0:0:0:0:0:ffff:0a00:0001", "10.0.0.1"],
    ["[::ffff:1.2.3.4]", "1.2.3.4"],
    ["0:0:0:0:0:0:0:1", "::1"],
    ["2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    ["::", "未知"],
    ["0:0:0:0:0:0:0:0", "未知"],
    ["0.0.0.0", "未知"],
    ["10.1.2.3", "10.1.2.3"],
    ["", "—"],
    [null, "—"],
    ["not an address", "not an address"],
  ])("%s shows as %s", (raw, shown) => {
    expect(displayAddress(raw)).toBe(shown);
  });
});

describe("group 状态 in words", () => {
  it.each([
    [1, "启用"],
    [0, "停用"],
    [2, "状态 2"],
    [-1, "状态 -1"],
    [null, "—"],
  ])("%s is %s", (status, text) => {
    expect(groupStatusText(status)).toBe(text);
  });
});
