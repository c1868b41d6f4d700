import { Suspense } from "react";
import { AuditLog } from "@/components/admin/audit-log";
import { QueryProvider } from "@/components/query-provider";
import { requirePageUser } from "@/lib/server/auth/session";

export const metadata = { title: "审计日志" };

export default async function Page() {
  await requirePageUser("admin");
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">审计日志</h1>
      <p className="text-sm text-slate-600">登录、推送、审批和用户变更的记录，只增不改，任何人都不能修改或删除。时间为北京时间。</p>
      {/* The list reads its filters from the URL (useSearchParams). */}
      <Suspense fallback={<p className="text-sm text-slate-600">正在载入…</p>}>
        <QueryProvider>
          <AuditLog />
        </QueryProvider>
      </Suspense>
    </div>
  );
}
