import { Suspense } from "react";
import { HistoryList } from "@/components/history/history-list";
import { QueryProvider } from "@/components/query-provider";
import { can } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/server/auth/session";

export const metadata = { title: "推送记录" };

export default async function Page() {
  const user = await requirePageUser();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">推送记录</h1>
      <Suspense fallback={<p className="py-10 text-center text-sm text-slate-500">正在载入…</p>}>
        <QueryProvider>
          <HistoryList canSend={can(user.roles, "send")} />
        </QueryProvider>
      </Suspense>
    </div>
  );
}
