import { StatusBadge } from "@/components/history/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { AUDIT_ACTION_LABELS } from "@/lib/auth/audit-actions";
import { displayAddress } from "@/lib/auth/audit-details";
import { formatRecordListTime, recordReachText } from "@/lib/pushes/display";
import { formatCount } from "@/lib/text/count";
import { personName } from "@/lib/text/person";
import { zh } from "@/lib/text/zh";
import { NOTIFY_WAY_LABELS } from "@/lib/validations/push-labels";
import type { AuditLine, Home, PendingFilter } from "@/lib/pushes/home";
import type { PushRecord } from "@/lib/validations/push-record";
import type { ReactNode } from "react";

// The home page's cards, rendered on the server (no browser code of their own).

const linkClass = "text-sm text-blue-700 hover:underline";

function Card({ id, title, more, children }: { id: string; title: ReactNode; more?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex min-w-0 flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-base font-semibold">
          {title}
        </h2>
        {more}
      </div>
      {children}
    </section>
  );
}

/** Pushes in a card: each name (to its record), status, and a line of facts. */
function PushItems({ records, facts }: { records: readonly PushRecord[]; facts: (record: PushRecord) => ReactNode }) {
  return (
    <ul className="flex flex-col divide-y divide-slate-100">
      {records.map((record) => (
        <li key={record.id} className="flex flex-col gap-1 py-2">
          <div className="flex flex-wrap items-center gap-2">
            <Link href={`/history/${record.id}`} className="min-w-0 font-medium wrap-anywhere text-blue-800 hover:underline">
              {record.name}
            </Link>
            <StatusBadge record={record} />
          </div>
          <p className="text-xs wrap-anywhere text-slate-600">{facts(record)}</p>
        </li>
      ))}
    </ul>
  );
}

const channelAndReach = (r: PushRecord) => `${NOTIFY_WAY_LABELS[r.notify_way]} · ${recordReachText(r)}`;

function outcome(r: PushRecord): string {
  if (r.status === "rejected")
    return zh`${r.rejected_by ? personName(r.rejected_by, r.names) : "审核人"}驳回：${r.reject_reason ?? "未写理由"}`;
  if (r.settled_by) return zh`${personName(r.settled_by, r.names)}核实：${r.settle_note ?? ""}`;
  if (r.status === "unknown") return "结果不明，请核实后再决定是否重发";
  if (r.approved_by) return zh`${personName(r.approved_by, r.names)}批准 · ${channelAndReach(r)}`;
  return channelAndReach(r);
}

const FILTERS: ReadonlyArray<{ value: PendingFilter | null; label: string }> = [
  { value: null, label: "全部" },
  { value: "scheduled", label: "已定时" },
  { value: "pending_approval", label: "待审批" },
];

const PENDING_EMPTY = {
  all: "没有等待审批或定时发送的推送。",
  scheduled: "没有定时发送的推送。",
  pending_approval: "没有等待审批的推送。",
};

export function EditorCards({ editor }: { editor: NonNullable<Home["editor"]> }) {
  const compose = (
    <Link href="/compose" className={linkClass}>
      创建推送
    </Link>
  );
  return (
    <>
      <Card id="home-pending" title="我等待中的推送" more={compose}>
        <nav aria-label="筛选等待中的推送" className="flex flex-wrap gap-1">
          {FILTERS.map(({ value, label }) => (
            <Link
              key={label}
              href={value ? `/?pending=${value}` : "/"}
              aria-current={editor.filter === value ? "page" : undefined}
              className={`rounded-full px-3 py-1 text-xs font-medium ${
                editor.filter === value ? "bg-slate-900 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200"
              }`}
            >
              {label}
            </Link>
          ))}
        </nav>
        {editor.pending.length === 0 ? (
          <EmptyState title={PENDING_EMPTY[editor.filter ?? "all"]} />
        ) : (
          <PushItems
            records={editor.pending}
            facts={(r) =>
              r.scheduled_at
                ? `定时 ${formatRecordListTime(r.scheduled_at)} · ${channelAndReach(r)}`
                : `提交于 ${formatRecordListTime(r.created_at)} · ${channelAndReach(r)}`
            }
          />
        )}
      </Card>
      <Card
        id="home-recent"
        title="我最近的推送"
        more={
          <Link href="/history" className={linkClass}>
            全部推送记录
          </Link>
        }
      >
        {editor.recent.length === 0 ? (
          <EmptyState title="还没有推送。" action={compose}>
            发出的推送和结果会显示在这里。
          </EmptyState>
        ) : (
          <PushItems records={editor.recent} facts={(r) => `${formatRecordListTime(r.created_at)} · ${outcome(r)}`} />
        )}
      </Card>
    </>
  );
}

export function SupervisorCards({ supervisor }: { supervisor: NonNullable<Home["supervisor"]> }) {
  return (
    <>
      <Card
        id="home-awaiting"
        title={`等待审批（${formatCount(supervisor.awaitingTotal)}）`}
        more={
          <Link href="/approvals" className={linkClass}>
            去审批
          </Link>
        }
      >
        {supervisor.awaiting.length === 0 ? (
          <EmptyState title="没有等待审批的推送。" />
        ) : (
          <PushItems
            records={supervisor.awaiting}
            facts={(r) => zh`${personName(r.sent_by, r.names)}提交于${formatRecordListTime(r.created_at)} · ${channelAndReach(r)}`}
          />
        )}
      </Card>
      <Card
        id="home-sends"
        title="最近发出"
        more={
          <Link href="/history" className={linkClass}>
            全部推送记录
          </Link>
        }
      >
        {supervisor.recentSends.length === 0 ? (
          <EmptyState title="最近没有发出的推送。" />
        ) : (
          <PushItems
            records={supervisor.recentSends}
            facts={(r) => `${personName(r.sent_by, r.names)} · ${formatRecordListTime(r.created_at)} · ${channelAndReach(r)}`}
          />
        )}
      </Card>
    </>
  );
}

function AuditItems({ lines, line }: { lines: readonly AuditLine[]; line: (entry: AuditLine) => ReactNode }) {
  return (
    <ul className="flex flex-col divide-y divide-slate-100 text-sm">
      {lines.map((entry, i) => (
        <li key={`${entry.at}-${i}`} className="flex flex-col gap-0.5 py-2">
          <span className="wrap-anywhere">{line(entry)}</span>
          <span className="text-xs text-slate-500">{formatRecordListTime(entry.at)}</span>
        </li>
      ))}
    </ul>
  );
}

/** The address as the audit log shows it (IPv4-mapped as IPv4, IPv6 short). */
const address = (ip: string | null) => (ip ? displayAddress(ip) : "未知地址");

export function AdminCards({ admin }: { admin: NonNullable<Home["admin"]> }) {
  return (
    <>
      <Card
        id="home-sign-in-failures"
        title="最近登录失败"
        more={
          <Link href="/admin/audit?action=sign_in_failed" className={linkClass}>
            审计日志
          </Link>
        }
      >
        {admin.signInFailures.length === 0 ? (
          <EmptyState title="最近没有登录失败。" />
        ) : (
          <AuditItems lines={admin.signInFailures} line={(e) => `用户名「${e.target ?? "—"}」，来自 ${address(e.ip)}`} />
        )}
      </Card>
      <Card
        id="home-user-changes"
        title="最近的用户变更"
        more={
          <Link href="/admin/users" className={linkClass}>
            用户管理
          </Link>
        }
      >
        {admin.userChanges.length === 0 ? (
          <EmptyState title="最近没有用户变更。" />
        ) : (
          <AuditItems lines={admin.userChanges} line={(e) => `${e.actor ?? "系统"} ${AUDIT_ACTION_LABELS[e.action]}：${e.target ?? "—"}`} />
        )}
      </Card>
    </>
  );
}
