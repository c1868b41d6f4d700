import Link from "next/link";
import { HistoryDetail } from "@/components/history/history-detail";
import { QueryProvider } from "@/components/query-provider";
import { can } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/server/auth/session";

export const metadata = { title: "推送详情" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  return (
    <div className="flex flex-col gap-4">
      <Link href="/history" className="text-sm text-blue-700 hover:underline">
        ← 推送记录
      </Link>
      <QueryProvider>
        <HistoryDetail
          id={id}
          canSend={can(user.roles, "send")}
          canSettle={can(user.roles, "settle")}
          viewer={{ username: user.username, supervisor: can(user.roles, "approve"), send: can(user.roles, "send") }}
        />
      </QueryProvider>
    </div>
  );
}
