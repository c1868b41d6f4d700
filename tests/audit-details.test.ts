import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { AUDIT_DETAIL_KEYS, auditDetailsText, displayAddress, groupsText } from "@/lib/auth/audit-details";
import { groupStatusText } from "@/lib/validations/group-labels";

const names = new Map([
  [101, "城东街道网格员"],
  [102, "城西志愿者"],
]);

describe("audit details in words", () => {
  it("says a push as people read it: channel, groups by name, reach with separators", () => {
    expect(
      auditDetailsText(
        "push_sent",
        { name: "停水通知", notify_way: 2, chuanbo_group: [101, 102, 999], reach: 6063, is_test: false, sent_by: "demo-editor" },
        names,
      ),
    ).toBe("推送「停水通知」 · 渠道 短信推送 · 用户组 城东街道网格员 等 3 个 · 预计触达 6,063 人 · 发送人 demo-editor");
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
    [{ upstream_code: 0, upstream_message: "success", request_id: "r-1" }, "传播通已受理（code 0） · 请求编号 r-1"],
    [{ upstream_code: 0, upstream_message: null }, "传播通已受理（code 0）"],
    [{ upstream_code: 500, upstream_message: null }, "上游返回 code 500"],
    [{ scheduled_at: "2026-11-29T02:00:00.000Z" }, "定时 2026-11-29 10:00:00"],
    [{ status: "scheduled" }, "状态 已定时"],
    [{ before: { name: "旧名", scheduled_at: "2026-11-29T02:00:00.000Z" } }, "修改前「旧名」，定时 2026-11-29 10:00:00"],
    [{ something_new: { a: 1 } }, '其他信息（something_new）：{"a":1}'],
    [{ empty: "", none: null, is_test: false }, ""],
    [{}, ""],
  ])("%j reads %s", (details, text) => {
    expect(auditDetailsText("access_denied", details)).toBe(text);
  });

  // What the server writes (the shapes of lib/server/pushes/schedule.ts, templates/store.ts, users/users.ts, follow-up.ts, settle.ts).
  it.each([
    [
      "push_rescheduled",
      {
        name: "语音大范围",
        notify_way: 3,
        status: "scheduled",
        time_only: true,
        before: { name: "语音大范围", scheduled_at: "2026-11-29T02:00:00.000Z", body: { name: "语音大范围" }, status: "scheduled" },
      },
      "推送「语音大范围」 · 渠道 语音消息 · 状态 已定时 · 只改时间 · 修改前「语音大范围」，定时 2026-11-29 10:00:00",
    ],
    [
      "push_rescheduled",
      { name: "新名", status: "pending_approval", before: { name: "旧名", scheduled_at: "2026-11-29T02:00:00.000Z" } },
      "推送「新名」 · 状态 待审批 · 在创建推送页修改 · 修改前「旧名」，定时 2026-11-29 10:00:00",
    ],
    [
      "push_approved",
      { name: "停水通知", sent_by: "demo-editor", approved_by: "demo-supervisor" },
      "推送「停水通知」 · 发送人 demo-editor · 审批人 demo-supervisor",
    ],
    ["push_rejected", { name: "停水通知", reason: "范围太大" }, "推送「停水通知」 · 驳回理由：范围太大"],
    ["template_created", { name: "我的通知模板", notify_way: 1 }, "模板「我的通知模板」 · 渠道 系统通知"],
    [
      "template_updated",
      { name: "新模板名", notify_way: 2, from_name: "旧模板名", created_by: "demo-editor" },
      "模板「新模板名」 · 渠道 短信推送 · 原名「旧模板名」 · 模板作者 demo-editor",
    ],
    [
      "access_denied",
      { method: "PATCH", need: "template_owner", created_by: "demo-editor2" },
      "请求 PATCH · 只能修改自己建的模板 · 模板作者 demo-editor2",
    ],
    ["access_denied", { reason: "reschedule_others_push" }, "修改他人定时推送的时间"],
    ["access_denied", { reason: "withdraw_others_push" }, "撤回他人的推送"],
    ["user_created", { name: "新同事", roles: ["supervisor"] }, "姓名 新同事 · 角色 审核人"],
    [
      "push_settled",
      { name: "停水通知", outcome: "sent", outcome_label: "已确认发出", note: "已电话确认" },
      "推送「停水通知」 · 核实结果 已确认发出 · 核实说明：已电话确认",
    ],
    [
      "push_unknown",
      { upstream_code: null, upstream_message: "中断了", request_id: null, settled: "abandoned" },
      "上游返回「中断了」 · 控制台等待应答时中断，记为结果不明",
    ],
  ])("%s %j reads %s", (action, details, text) => {
    expect(auditDetailsText(action, details)).toBe(text);
  });
});

/** A value each key is written with, where any string would not say anything (or would not be read). */
const SAMPLES: Record<string, unknown> = {
  notify_way: 1,
  chuanbo_group: [101],
  reach: 100,
  is_test: true,
  hold_reasons: ["语音消息须经审批"],
  scheduled_at: "2026-11-29T02:00:00.000Z",
  status: "scheduled",
  recent: 3,
  window_reach: 100,
  roles: ["editor"],
  from: ["editor"],
  to: ["editor", "supervisor"],
  time_only: true,
  before: { name: "旧名", scheduled_at: "2026-11-29T02:00:00.000Z" },
  outcome: "sent",
  upstream_code: 0,
  need: "send",
  code: "reach_exceeded",
  reason: "own_push",
  settled: "abandoned",
  method: "GET",
  request_id: "r-1",
};

/** The files under dir that end in .ts, recursively. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sources(path) : entry.name.endsWith(".ts") ? [path] : [];
  });
}

/**
 * Every top-level key the server writes into an audit entry's details, read from lib/server's source:
 * object literals given as `details: {…}` (spreads and conditional spreads followed) and those passed
 * to a function whose parameter is typed AuditDetails (helpers such as users.ts's `audit`).
 */
function writtenKeys(): Map<string, string> {
  const files = sources("lib/server").map((file) => ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true));
  const keys = new Map<string, string>();
  const collect = (expression: ts.Expression | undefined, file: string) => {
    if (!expression) return;
    if (ts.isParenthesizedExpression(expression)) return collect(expression.expression, file);
    if (ts.isConditionalExpression(expression)) {
      collect(expression.whenTrue, file);
      return collect(expression.whenFalse, file);
    }
    if (!ts.isObjectLiteralExpression(expression)) return;
    for (const property of expression.properties) {
      if (ts.isSpreadAssignment(property)) collect(property.expression, file);
      else if (property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) keys.set(property.name.text, file);
    }
  };
  const typedParameter = new Map<string, number>();
  const findTyped = (node: ts.Node) => {
    const fn =
      ts.isFunctionDeclaration(node) && node.name
        ? { name: node.name.text, parameters: node.parameters }
        : ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isArrowFunction(node.initializer)
          ? { name: node.name.text, parameters: node.initializer.parameters }
          : undefined;
    const index = fn?.parameters.findIndex((p) => p.type?.getText() === "AuditDetails") ?? -1;
    if (fn && index >= 0) typedParameter.set(fn.name, index);
    ts.forEachChild(node, findTyped);
  };
  files.forEach(findTyped);
  for (const source of files) {
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === "details")
        collect(node.initializer, source.fileName);
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && typedParameter.has(node.expression.text)) {
        collect(node.arguments[typedParameter.get(node.expression.text)!], source.fileName);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return keys;
}

describe("every detail the server writes has words", () => {
  const written = writtenKeys();

  it("finds the writers (the scan reads what it should)", () => {
    expect(written.size).toBeGreaterThan(25);
    for (const key of ["name", "time_only", "before", "outcome", "note", "settled", "need", "from", "to", "code"])
      expect(written.has(key)).toBe(true);
  });

  it.each([...written])("%s (written in %s) has Chinese words, never the raw key", (key) => {
    expect(AUDIT_DETAIL_KEYS).toContain(key);
    const text = auditDetailsText("push_sent", { [key]: SAMPLES[key] ?? "值" });
    expect(text).toMatch(/\p{Script=Han}/u);
    expect(text).not.toContain(key);
    expect(text).not.toContain("其他信息");
  });

  it.each(AUDIT_DETAIL_KEYS)("%s, a key the words know, reads in Chinese", (key) => {
    const text = auditDetailsText("push_sent", { [key]: SAMPLES[key] ?? "值" });
    expect(text).toMatch(/\p{Script=Han}/u);
    expect(text).not.toContain(key);
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
