import { Suspense } from "react";
import { ApprovalList } from "@/components/admin/approval-list";
import { QueryProvider } from "@/components/query-provider";
import { requirePageUser } from "@/lib/server/auth/session";

export const metadata = { title: "待审批" };

export default async function Page() {
  const user = await requirePageUser("approve");
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">待审批</h1>
      <p className="text-sm text-slate-600">这些推送达到了审批条件，批准后才会发出（只发一次）；驳回须写明理由。不能审批自己提交的推送。</p>
      {/* The list reads its filters from the URL (useSearchParams). */}
      <Suspense fallback={<p className="text-sm text-slate-600">正在载入…</p>}>
        <QueryProvider>
          <ApprovalList me={user.username} />
        </QueryProvider>
      </Suspense>
    </div>
  );
}
