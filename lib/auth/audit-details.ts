import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { formatCount } from "@/lib/compose/reach";
import { formatChinaTime } from "@/lib/text/china-time";
import { NOTIFY_WAY_LABELS, PUSH_STATUS_LABELS, type NotifyWay, type PushStatus } from "@/lib/validations/push-labels";

// An audit entry's details, in words people read (渠道 短信推送 · 用户组 城东街道网格员 等 3 个 · 约 6,063 人),
// and its address as people write it. Pure: the server words each entry as it serves the page.

const REASONS: Record<string, string> = {
  own_push: "审批自己提交的推送",
  cancel_others_push: "取消他人的定时推送",
  edit_others_push: "修改他人的定时推送",
  account_limited: "该用户名失败次数过多，暂时锁定",
  rate_limited: "该地址登录尝试过于频繁",
};

const NEEDS: Record<string, string> = { browse: "需要登录", send: "需要发送权限", approve: "需要审批权限", admin: "需要管理员权限" };

const LIMIT_CODES: Record<string, string> = { push_rate_limited: "超出每小时条数上限", reach_exceeded: "超出单条推送触达上限" };

const str = (v: unknown) => (typeof v === "string" ? v : v === null || v === undefined ? "" : JSON.stringify(v));
const roles = (v: unknown) => (Array.isArray(v) && v.length > 0 ? v.map((r) => ROLE_LABELS[r as Role] ?? str(r)).join("、") : "无角色");

/** 用户组 A；用户组 A 等 N 个: names where known, #id where the group no longer exists. */
export function groupsText(ids: readonly unknown[], names: ReadonlyMap<number, string>): string {
  const label = (id: unknown) => (typeof id === "number" && names.has(id) ? names.get(id)! : `#${str(id)}`);
  if (ids.length === 0) return "无用户组";
  if (ids.length === 1) return `用户组 ${label(ids[0])}`;
  return `用户组 ${label(ids[0])} 等 ${formatCount(ids.length)} 个`;
}

/** One detail, or null to leave it out (it says nothing, or another part says it). */
function part(key: string, value: unknown, details: Record<string, unknown>, names: ReadonlyMap<number, string>): string | null {
  if (value === null || value === undefined || value === "" || value === false) return null;
  switch (key) {
    case "name":
      return `推送「${str(value)}」`;
    case "notify_way":
      return `渠道 ${NOTIFY_WAY_LABELS[value as NotifyWay] ?? str(value)}`;
    case "chuanbo_group":
      return Array.isArray(value) ? groupsText(value, names) : null;
    case "reach":
      return typeof value === "number" ? `约 ${formatCount(value)} 人` : null;
    case "is_test":
      return "测试发送";
    case "sent_by":
      return `发送人 ${str(value)}`;
    case "approved_by":
      return `审批人 ${str(value)}`;
    case "hold_reasons":
      return Array.isArray(value) && value.length > 0 ? `待审批原因：${value.map(str).join("；")}` : null;
    case "scheduled_at":
      return `定时 ${formatChinaTime(str(value))}`;
    case "quiet_hours_reason":
      return `免打扰时段内仍然发送，理由：${str(value)}`;
    case "upstream_message":
      return `上游返回「${str(value)}」${details.upstream_code === null || details.upstream_code === undefined ? "" : `（code ${str(details.upstream_code)}）`}`;
    case "upstream_code":
      return details.upstream_message ? null : `上游返回 code ${str(value)}`;
    case "request_id":
      return `请求编号 ${str(value)}`;
    case "reason":
      return REASONS[str(value)] ?? `理由：${str(value)}`;
    case "status":
      return typeof value === "number" ? `HTTP ${value}` : `状态 ${PUSH_STATUS_LABELS[value as PushStatus] ?? str(value)}`;
    case "method":
      return `请求 ${str(value)}`;
    case "need":
      return NEEDS[str(value)] ?? `需要 ${str(value)}`;
    case "code":
      return LIMIT_CODES[str(value)] ?? `代码 ${str(value)}`;
    case "recent":
      return typeof value === "number" ? `过去一小时已发 ${formatCount(value)} 条` : null;
    case "window_reach":
      return typeof value === "number" ? `审批窗口内未经审批已发约 ${formatCount(value)} 人` : null;
    case "roles":
      return `角色 ${roles(value)}`;
    case "from":
      return Array.isArray(value) ? `角色 ${roles(value)} → ${roles(details.to)}` : `从 ${str(value)}`;
    case "to":
      return Array.isArray(value) && Array.isArray(details.from) ? null : `到 ${str(value)}`;
    case "created_by":
      return `模板作者 ${str(value)}`;
    case "from_name":
      return `原名「${str(value)}」`;
    case "before": {
      const before = value as { name?: unknown; scheduled_at?: unknown };
      const when = before.scheduled_at ? `，定时 ${formatChinaTime(str(before.scheduled_at))}` : "";
      return `修改前「${str(before.name)}」${when}`;
    }
    default:
      return `${key} ${str(value)}`;
  }
}

/** The details as one line, parts joined by ` · `; names: group id → title, from the group index. */
export function auditDetailsText(details: Record<string, unknown>, names: ReadonlyMap<number, string> = new Map()): string {
  return Object.entries(details)
    .map(([key, value]) => part(key, value, details, names))
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
