import { Suspense } from "react";
import { Composer } from "@/components/compose/composer";
import { QueryProvider } from "@/components/query-provider";
import { requirePageUser } from "@/lib/server/auth/session";
import { publicOptions } from "@/lib/server/options";

export const metadata = { title: "创建推送" };

export default async function Page() {
  await requirePageUser("send");
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">创建推送</h1>
      <Suspense fallback={<p className="py-10 text-center text-sm text-slate-500">正在载入…</p>}>
        <QueryProvider>
          <Composer options={publicOptions()} />
        </QueryProvider>
      </Suspense>
    </div>
  );
}
