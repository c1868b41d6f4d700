import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { GroupsBrowser } from "@/components/groups/groups-browser";
import { QueryProvider } from "@/components/query-provider";
import { can } from "@/lib/auth/roles";
import { groupKeys } from "@/lib/groups/groups-query";
import { fromRecord, readGroupsParams } from "@/lib/groups/groups-url";
import { hasFilters } from "@/lib/groups/search";
import { getQueryClient } from "@/lib/query/query-client";
import { requirePageUser } from "@/lib/server/auth/session";
import { groupIndexStatus, groupsPage } from "@/lib/server/group-index";

export const metadata = { title: "用户组" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The page the address names is fetched here, on the server, so rows arrive with the HTML.
// If that fails the browser asks again and shows the error with 重试 (failed queries are not sent).
export default async function Page({ searchParams }: Props) {
  const user = await requirePageUser();
  const params = readGroupsParams(fromRecord(await searchParams));
  const queryClient = getQueryClient();
  // Except a search before the console's first fetch of every group: the browser asks instead and
  // shows how far that fetch has come, rather than the page staying blank until it ends.
  const { current: _c, size: _s, ...filters } = params;
  if (!hasFilters(filters) || (await groupIndexStatus()).ready) {
    await queryClient.prefetchQuery({ queryKey: groupKeys.list(params), queryFn: () => groupsPage(params) });
  }
  return (
    <QueryProvider>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <GroupsBrowser canSend={can(user.roles, "send")} />
      </HydrationBoundary>
    </QueryProvider>
  );
}
