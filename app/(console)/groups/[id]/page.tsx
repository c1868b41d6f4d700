import { notFound } from "next/navigation";
import { GroupDetail, GroupLoadFailed, GroupMissing } from "@/components/groups/group-detail";
import { ForgetRefresh } from "@/components/ui/forget-refresh";
import { can } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/server/auth/session";
import { allGroups } from "@/lib/server/group-index";
import { UpstreamError } from "@/lib/server/upstream-error";
import { formatChinaTime } from "@/lib/text/china-time";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ refresh?: string }> };

export async function generateMetadata({ params }: Props) {
  return { title: `用户组 ${(await params).id}` };
}

// The upstream has no detail call: the group is found in the whole list the server keeps. Loaded
// with ?refresh=1 (重试, 重新获取), it fetches that list anew, and the address then drops it.
export default async function Page({ params, searchParams }: Props) {
  const user = await requirePageUser();
  const raw = (await params).id;
  if (!/^\d{1,15}$/.test(raw)) notFound();
  const id = Number(raw);
  const refresh = (await searchParams).refresh === "1";
  return (
    <>
      {refresh && <ForgetRefresh />}
      {await groupOrWhyNot(id, refresh, can(user.roles, "send"))}
    </>
  );
}

async function groupOrWhyNot(id: number, refresh: boolean, canSend: boolean) {
  let list: Awaited<ReturnType<typeof allGroups>>;
  try {
    list = await allGroups({ refresh });
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    return <GroupLoadFailed id={id} message={error.message} />;
  }
  const group = list.groups.find((g) => g.id === id);
  const fetched = `${formatChinaTime(list.fetchedAt)}（北京时间）`;
  if (!group) return <GroupMissing id={id} fetched={fetched} />;
  return <GroupDetail group={group} fetched={fetched} canSend={canSend} />;
}
