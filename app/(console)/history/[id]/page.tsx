import Link from "next/link";
import { HistoryDetail } from "@/components/history/history-detail";
import { QueryProvider } from "@/components/query-provider";
import { requirePageUser } from "@/lib/server/auth/session";
import { canCreateTemplate } from "@/lib/templates/template";

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
          canSaveTemplate={canCreateTemplate(user)}
          viewer={{ username: user.username, supervisor: user.roles.includes("supervisor") }}
        />
      </QueryProvider>
    </div>
  );
}
