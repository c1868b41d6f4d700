import { notFound } from "next/navigation";
import { BackToHistory } from "@/components/history/back-to-history";
import { HistoryDetail } from "@/components/history/history-detail";
import { can } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/server/auth/session";
import { publicOptions } from "@/lib/server/options";
import { pushDetail, storedPush } from "@/lib/server/pushes/detail";

/** 推送详情, or (an unknown id, answered 404 by the layout) 找不到推送记录: the same read as the layout's. */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  return { title: (await storedPush((await params).id)) ? "推送详情" : "找不到推送记录" };
}

// Rendered on the server from the record GET /api/pushes/:id serves (pushDetail); the actions change
// it through the API and render the page again (no react-query here).
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  // Its existence was checked by the layout (404 before anything streamed). Records are never deleted;
  // were one to go between the two reads, this notFound() comes after the loading state (a 200).
  const record = await pushDetail(id);
  if (!record) notFound();
  return (
    <div className="flex flex-col gap-4">
      <BackToHistory />
      <HistoryDetail
        record={record}
        options={publicOptions()}
        canSend={can(user.roles, "send")}
        canSettle={can(user.roles, "settle")}
        viewer={{ username: user.username, supervisor: can(user.roles, "approve"), send: can(user.roles, "send") }}
      />
    </div>
  );
}
