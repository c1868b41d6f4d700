import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { QueryProvider } from "@/components/query-provider";
import { TagsBrowser } from "@/components/tags/tags-browser";
import { tagKeys } from "@/lib/groups/tags-query";
import { getQueryClient } from "@/lib/query/query-client";
import { requirePageUser } from "@/lib/server/auth/session";
import { tagIndex } from "@/lib/server/group-index";

export const metadata = { title: "标签" };

export default async function Page() {
  await requirePageUser();
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery({ queryKey: tagKeys.index(), queryFn: () => tagIndex() });
  return (
    <QueryProvider>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <TagsBrowser />
      </HydrationBoundary>
    </QueryProvider>
  );
}
