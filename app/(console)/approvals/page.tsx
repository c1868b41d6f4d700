import { ApprovalDesk } from "@/components/admin/approval-desk";
import { ApprovalList } from "@/components/admin/approval-list";
import { RetryableError } from "@/components/ui/retryable-error";
import { pagingOf } from "@/lib/api/page";
import { requirePageUser } from "@/lib/server/auth/session";
import { serverConfig } from "@/lib/server/config";
import { publicOptions } from "@/lib/server/options";
import { approvalList } from "@/lib/server/pushes/approval-list";
import { pushStore } from "@/lib/server/pushes/store";
import { hrefOf, listInput, parseSearch, searchProblem, type SearchInput } from "@/lib/server/search-params";
import { approvalListQuerySchema } from "@/lib/validations/push-record";

export const metadata = { title: "待审批" };

const FILTERS = ["notify_way", "sent_by", "from", "to"] as const;

// Rendered on the server from what GET /api/approvals answers (one function); the filters, pages
// and the two decisions run in the browser (no react-query here).
export default async function Page({ searchParams }: { searchParams: Promise<SearchInput> }) {
  const user = await requirePageUser("approve");
  const search = await searchParams;
  const input = listInput(search, FILTERS, 20);
  const parsed = parseSearch(approvalListQuerySchema, input);
  const [page, waiting] = await Promise.all([
    parsed.ok ? approvalList(parsed.query) : null,
    // As the header's poll counts it (lib/server/pushes/notifications.ts): the list follows when they differ.
    pushStore().countAwaitingApproval(user.username),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">待审批</h1>
      <p className="text-sm text-slate-600">这些推送达到了审批条件，批准后才会发出（只发一次）；驳回须写明理由。不能审批自己提交的推送。</p>
      <ApprovalDesk pagination={page && pagingOf(page)} pollMs={serverConfig().notificationsPollMs} waiting={waiting}>
        {page ? (
          <ApprovalList
            records={page.records}
            me={user.username}
            filtered={FILTERS.some((name) => name in input)}
            options={publicOptions()}
          />
        ) : (
          !parsed.ok && (
            <RetryableError title="待审批的推送没有加载出来" message={searchProblem(parsed)} retryHref={hrefOf("/approvals", search)} />
          )
        )}
      </ApprovalDesk>
    </div>
  );
}
