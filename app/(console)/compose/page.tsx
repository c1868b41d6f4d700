import { Suspense } from "react";
import { ComposePage } from "@/components/compose/compose-page";
import { requirePageUser } from "@/lib/server/auth/session";
import { publicOptions } from "@/lib/server/options";

export const metadata = { title: "创建推送" };

/** /compose: a new push; /compose?edit=<id>: a scheduled push of the author's, changed in place. */
export default async function Page({ searchParams }: { searchParams: Promise<{ edit?: string | string[] }> }) {
  const user = await requirePageUser("send");
  const { edit } = await searchParams;
  const editId = typeof edit === "string" && edit !== "" ? edit : undefined;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">{editId ? "修改定时推送" : "创建推送"}</h1>
      <Suspense fallback={<p className="py-10 text-center text-sm text-slate-500">正在载入…</p>}>
        <ComposePage editId={editId} options={publicOptions()} username={user.username} />
      </Suspense>
    </div>
  );
}
