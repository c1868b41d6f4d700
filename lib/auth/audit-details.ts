import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { formatChinaTime } from "@/lib/text/china-time";
import { formatCount } from "@/lib/text/count";
import {
  NOTIFY_WAY_LABELS,
  PUSH_STATUS_LABELS,
  SETTLE_OUTCOME_LABELS,
  type NotifyWay,
  type PushStatus,
  type SettleOutcome,
} from "@/lib/validations/push-labels";

// An audit entry's details, in words people read (渠道 短信推送 · 用户组 城东街道网格员 等 3 个 · 约 6,063 人),
// and its address as people write it. Pure: the server words each entry as it serves the page.

const REASONS: Record<string, string> = {
  own_push: "审批自己提交的推送",
  cancel_others_push: "取消他人的定时推送",
  edit_others_push: "修改他人的定时推送",
  reschedule_others_push: "修改他人定时推送的时间",
  withdraw_others_push: "撤回他人的推送",
  account_limited: "该用户名失败次数过多，暂时锁定",
  rate_limited: "该地址登录失败次数过多",
};

const NEEDS: Record<string, string> = {
  browse: "需要登录",
  send: "需要发送权限",
  approve: "需要审批权限",
  settle: "需要核实权限",
  admin: "需要管理员权限",
  template_owner: "只能修改自己建的模板",
};

const LIMIT_CODES: Record<string, string> = { push_rate_limited: "超出每小时条数上限", reach_exceeded: "超出单条推送触达上限" };

const SETTLED: Record<string, string> = { abandoned: "控制台等待应答时中断，记为结果不明" };

const str = (v: unknown) => (typeof v === "string" ? v : v === null || v === undefined ? "" : JSON.stringify(v));
const roles = (v: unknown) => (Array.isArray(v) && v.length > 0 ? v.map((r) => ROLE_LABELS[r as Role] ?? str(r)).join("、") : "无角色");

/** 用户组 A；用户组 A 等 N 个: names where known, #id where the group no longer exists. */
export function groupsText(ids: readonly unknown[], names: ReadonlyMap<number, string>): string {
  const label = (id: unknown) => (typeof id === "number" && names.has(id) ? names.get(id)! : `#${str(id)}`);
  if (ids.length === 0) return "无用户组";
  if (ids.length === 1) return `用户组 ${label(ids[0])}`;
  return `用户组 ${label(ids[0])} 等 ${formatCount(ids.length)} 个`;
}

/** What one detail is read with: the entry's action and other details, and group names. */
type Context = { action: string; details: Record<string, unknown>; names: ReadonlyMap<number, string> };

/** What each entry's `name` names, by its action. */
const nameOf = (action: string, name: string) =>
  action.startsWith("template_") ? `模板「${name}」` : action.startsWith("user_") ? `姓名 ${name}` : `推送「${name}」`;

/** code 0: the vendor accepted the push, whatever words (its English "success") came with it. */
const ACCEPTED = "传播通已受理（code 0）";

/**
 * Every detail key the server writes, in words: one entry, or null to leave it out (it says nothing,
 * or another part says it). Writers may only write these keys (AuditDetails, lib/server/audit.ts),
 * so a new key needs its words here first.
 */
const WORDS = {
  name: (v, { action }) => nameOf(action, str(v)),
  notify_way: (v) => `渠道 ${NOTIFY_WAY_LABELS[v as NotifyWay] ?? str(v)}`,
  chuanbo_group: (v, { names }) => (Array.isArray(v) ? groupsText(v, names) : null),
  reach: (v) => (typeof v === "number" ? `预计触达 ${formatCount(v)} 人` : null),
  is_test: () => "测试发送",
  sent_by: (v) => `发送人 ${str(v)}`,
  approved_by: (v) => `审批人 ${str(v)}`,
  hold_reasons: (v) => (Array.isArray(v) && v.length > 0 ? `待审批原因：${v.map(str).join("；")}` : null),
  scheduled_at: (v) => `定时 ${formatChinaTime(str(v))}`,
  quiet_hours_reason: (v) => `免打扰时段内仍然发送，理由：${str(v)}`,
  upstream_message: (v, { details }) =>
    details.upstream_code === 0
      ? ACCEPTED
      : `上游返回「${str(v)}」${details.upstream_code === null || details.upstream_code === undefined ? "" : `（code ${str(details.upstream_code)}）`}`,
  upstream_code: (v, { details }) => (details.upstream_message ? null : v === 0 ? ACCEPTED : `上游返回 code ${str(v)}`),
  request_id: (v) => `请求编号 ${str(v)}`,
  reason: (v, { action }) => REASONS[str(v)] ?? `${action === "push_rejected" ? "驳回理由" : "理由"}：${str(v)}`,
  status: (v) => (typeof v === "number" ? `HTTP ${v}` : `状态 ${PUSH_STATUS_LABELS[v as PushStatus] ?? str(v)}`),
  method: (v) => `请求 ${str(v)}`,
  // The per-address sign-in limit's count, where it is not the address itself: an IPv6 /64, or unknown.
  address_key: (v) => (str(v) === "unknown" ? "来源地址未知" : `按网段 ${str(v)} 计数`),
  need: (v) => NEEDS[str(v)] ?? `需要 ${str(v)}`,
  code: (v) => LIMIT_CODES[str(v)] ?? `代码 ${str(v)}`,
  recent: (v) => (typeof v === "number" ? `过去一小时已发 ${formatCount(v)} 条` : null),
  window_reach: (v) => (typeof v === "number" ? `审批窗口内未经审批已发出，预计触达 ${formatCount(v)} 人` : null),
  roles: (v) => `角色 ${roles(v)}`,
  from: (v, { details }) => (Array.isArray(v) ? `角色 ${roles(v)} → ${roles(details.to)}` : `从 ${str(v)}`),
  to: (v, { details }) => (Array.isArray(v) ? (Array.isArray(details.from) ? null : `角色改为 ${roles(v)}`) : `到 ${str(v)}`),
  created_by: (v) => `模板作者 ${str(v)}`,
  from_name: (v) => `原名「${str(v)}」`,
  // Only on 修改时间 (POST …/reschedule): the time moved, the content as it was. Its absence on a
  // push_rescheduled entry (PATCH, the author's 修改内容和时间, which may change either or both) is said with `before`.
  time_only: () => "只改时间",
  before: (v, { action, details }) => {
    const before = (v ?? {}) as { name?: unknown; scheduled_at?: unknown };
    const when = before.scheduled_at ? `，定时 ${formatChinaTime(str(before.scheduled_at))}` : "";
    const what = action === "push_rescheduled" && details.time_only !== true ? "在创建推送页修改 · " : "";
    return `${what}修改前「${str(before.name)}」${when}`;
  },
  outcome: (v) => `核实结果 ${SETTLE_OUTCOME_LABELS[v as SettleOutcome] ?? str(v)}`,
  outcome_label: (v, { details }) => (details.outcome ? null : `核实结果 ${str(v)}`),
  note: (v) => `核实说明：${str(v)}`,
  settled: (v) => SETTLED[str(v)] ?? `处理方式 ${str(v)}`,
} satisfies Record<string, (value: unknown, context: Context) => string | null>;

/** Every key the server may write into an entry's details (each has its words above). */
export type AuditDetailKey = keyof typeof WORDS;
export const AUDIT_DETAIL_KEYS = Object.keys(WORDS) as AuditDetailKey[];

/** An entry's details as written: known keys only. */
export type AuditDetails = { [K in AuditDetailKey]?: unknown };

const isKnown = (key: string): key is AuditDetailKey => Object.hasOwn(WORDS, key);

/** One detail in words; a key this console does not know (an older or newer console's) still shows, marked as such. */
function part(key: string, value: unknown, context: Context): string | null {
  if (value === null || value === undefined || value === "" || value === false) return null;
  return isKnown(key) ? WORDS[key](value, context) : `其他信息（${key}）：${str(value)}`;
}

/**
 * The details as one line, parts joined by ` · `, as /admin/audit and its CSV export show them;
 * names: group id → title, from the group index.
 */
export function auditDetailsText(action: string, details: Record<string, unknown>, names: ReadonlyMap<number, string> = new Map()): string {
  const context = { action, details, names };
  return Object.entries(details)
    .map(([key, value]) => part(key, value, context))
    .filter((p): p is string => p !== null)
    .join(" · ");
}

/**
 * An address as people write it: an IPv4 client of a dual-stack socket (::ffff:1.2.3.4, ::ffff:102:304)
 * as 1.2.3.4; IPv6 in its short form (never a row of zeros); the unspecified address as 未知.
 */
export function displayAddress(raw: string | null | undefined): string {
  const value = (raw ?? "").trim().replace(/^\[(.*)\]$/, "$1");
  if (value === "") return "—";
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(value)) return value === "0.0.0.0" ? "未知" : value;
  let host: string;
  try {
    host = new URL(`http://[${value}]/`).hostname.slice(1, -1);
  } catch {
    return value;
  }
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (mapped) {
    const [high, low] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
    return [high >> 8, high & 255, low >> 8, low & 255].join(".");
  }
  return host === "::" ? "未知" : host;
}
