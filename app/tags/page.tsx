import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { TagsBrowser } from "@/components/tags/tags-browser";
import { tagIndexQueryOptions } from "@/lib/groups/tags-query";
import { getQueryClient } from "@/lib/query/query-client";
import { tagIndex } from "@/lib/server/group-index";

export const metadata = { title: "标签" };

export default async function Page() {
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery({ queryKey: tagIndexQueryOptions().queryKey, queryFn: () => tagIndex() });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <TagsBrowser />
    </HydrationBoundary>
  );
}
