import { TAGS_HEADING_ID } from "@/components/groups/heading-ids";
import { TagsBrowser } from "@/components/tags/tags-browser";
import { FocusTagsHeading, TagsRefresh } from "@/components/tags/tags-refresh";
import { ForgetRefresh } from "@/components/ui/forget-refresh";
import { RetryableError } from "@/components/ui/retryable-error";
import { requirePageUser } from "@/lib/server/auth/session";
import { tagIndex } from "@/lib/server/group-index";
import { UpstreamError } from "@/lib/server/upstream-error";
import type { TagIndex } from "@/lib/groups/tag-index";

export const metadata = { title: "标签" };

// Rendered on the server from the index it keeps: 刷新 re-crawls and renders again, 重试 loads
// the page again with ?refresh=1 (a fetch of every group at once, not the failure the server keeps
// saying for a while), which the address then drops (ForgetRefresh); only the filter and 刷新 run in
// the browser (no react-query here).
export default async function Page({ searchParams }: { searchParams: Promise<{ refresh?: string }> }) {
  await requirePageUser();
  const refresh = (await searchParams).refresh === "1";
  return (
    <div className="space-y-4">
      {refresh && <ForgetRefresh />}
      {refresh && <FocusTagsHeading />}
      {await tagsOrWhyNot(refresh)}
    </div>
  );
}

async function tagsOrWhyNot(refresh: boolean) {
  let index: TagIndex;
  try {
    index = await tagIndex({ refresh });
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    return (
      <>
        <h1 id={TAGS_HEADING_ID} tabIndex={-1} className="text-xl font-semibold focus:outline-none">
          标签
        </h1>
        <RetryableError title="标签加载失败" message={error.message} retryHref="/tags?refresh=1" />
      </>
    );
  }
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 id={TAGS_HEADING_ID} tabIndex={-1} className="text-xl font-semibold focus:outline-none">
          标签
        </h1>
        <TagsRefresh fetchedAt={index.fetchedAt} />
      </div>
      <p className="text-sm text-slate-600">用户组按标签规则圈定人群。点一个值，查看用到它的用户组。</p>
      <TagsBrowser tags={index.tags} />
    </>
  );
}
