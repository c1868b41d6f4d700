import { Suspense } from "react";
import { GroupsFilters } from "@/components/groups/groups-filters";
import { GoButton, GroupsLoadError, GroupsPagination, GroupsRefresh } from "@/components/groups/groups-nav";
import { GroupsState } from "@/components/groups/groups-state";
import { GroupsTable } from "@/components/groups/groups-table";
import { GroupsTableSkeleton } from "@/components/groups/groups-table-frame";
import { GROUPS_HEADING_ID } from "@/components/groups/heading-ids";
import { IndexProgress } from "@/components/groups/index-progress";
import { TagRuleChip } from "@/components/groups/tag-rule-chip";
import { EmptyState } from "@/components/ui/empty-state";
import { PastLastPage } from "@/components/ui/past-last-page";
import { can } from "@/lib/auth/roles";
import { fromRecord, readGroupsParams } from "@/lib/groups/groups-url";
import { hasFilters } from "@/lib/groups/search";
import { requirePageUser } from "@/lib/server/auth/session";
import { firstCrawl, groupIndexStatus, groupsPage, tagIndex } from "@/lib/server/group-index";
import { UpstreamError } from "@/lib/server/upstream-error";
import type { GroupsParams, GroupsResult, TagFilter } from "@/lib/groups/groups-params";

export const metadata = { title: "用户组" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Rendered on the server from the page the address names (the same call GET /api/groups makes);
// filters, pages, choosing groups and 刷新 run in the browser, each rendering the page again here.
// The heading, 刷新 and the filters come at once; what waits on the vendor streams in beneath them,
// so a slow vendor leaves them in place instead of a page-wide skeleton.
export default async function Page({ searchParams }: Props) {
  const user = await requirePageUser();
  const params = readGroupsParams(fromRecord(await searchParams));
  const { current: _c, size: _s, ...filters } = params;
  const filtered = hasFilters(filters);
  const loaded = load(params, filtered);

  return (
    <GroupsState params={params} canSend={can(user.roles, "send")}>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 id={GROUPS_HEADING_ID} tabIndex={-1} className="text-xl font-semibold focus:outline-none">
          用户组
        </h1>
        <Suspense fallback={<GroupsRefresh fetchedAt={undefined} />}>
          <Refresh loaded={loaded} />
        </Suspense>
      </div>
      <GroupsFilters
        params={params}
        filtered={filtered}
        tagRule={
          params.tag && (
            <Suspense fallback={null}>
              <TagRuleInUse tag={params.tag} loaded={loaded} />
            </Suspense>
          )
        }
      />
      <Suspense fallback={<Loading rows={Math.min(params.size, 10)} />}>
        <Results params={params} filtered={filtered} loaded={loaded} />
      </Suspense>
    </GroupsState>
  );
}

type Loaded = {
  first: Awaited<ReturnType<typeof firstCrawl>>;
  data?: GroupsResult;
  failure?: string;
  crawling: Awaited<ReturnType<typeof groupIndexStatus>>["crawling"];
};

async function load(params: GroupsParams, filtered: boolean): Promise<Loaded> {
  // A search before the console's first fetch of every group is not held back for it: the page
  // shows how far that fetch has come (asked from the browser), rendering again once it has ended.
  const first = filtered ? await firstCrawl() : ({ ready: true } as const);
  let data: GroupsResult | undefined;
  let failure: string | undefined;
  try {
    if ("failed" in first) throw first.failed;
    if ("ready" in first) data = await groupsPage(params);
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    failure = error.message;
  }
  // Also for 刷新, which waits on a fetch of every group.
  const crawling = "crawling" in first ? first.crawling : (await groupIndexStatus()).crawling;
  return { first, data, failure, crawling };
}

function Loading({ rows }: { rows: number }) {
  return (
    <>
      <p role="status" className="sr-only">
        正在加载用户组…
      </p>
      <GroupsTableSkeleton rows={rows} />
    </>
  );
}

async function Refresh({ loaded }: { loaded: Promise<Loaded> }) {
  return <GroupsRefresh fetchedAt={(await loaded).data?.fetchedAt} />;
}

async function Results({ params, filtered, loaded }: { params: GroupsParams; filtered: boolean; loaded: Promise<Loaded> }) {
  const { first, data, failure, crawling } = await loaded;
  return (
    <>
      <IndexProgress crawling={crawling} waiting={"crawling" in first} />
      {failure !== undefined ? (
        <GroupsLoadError message={failure} crawl={"failed" in first} />
      ) : data === undefined ? (
        <Loading rows={Math.min(params.size, 10)} />
      ) : data.records.length === 0 ? (
        <NoGroups total={data.total} pages={data.pages} params={params} filtered={filtered} />
      ) : (
        <GroupsTable groups={data.records} />
      )}
      {/* Past the last page the empty state says where the list ends: no pager to contradict it. */}
      {data && data.total > 0 && params.current <= data.pages && <GroupsPagination params={params} pages={data.pages} total={data.total} />}
    </>
  );
}

/** The tag filter as a readable chip, named from the list the results came from. */
async function TagRuleInUse({ tag, loaded }: { tag: TagFilter; loaded: Promise<Loaded> }) {
  // Named from the list the results came from: none when they did not come.
  if (!(await loaded).data) return null;
  const name = (await tagIndex()).tags.find((t) => t.tag_code === tag.tag_code)?.tag_name ?? null;
  if (tag.relational_symbols === undefined && tag.value1 === undefined) {
    return (
      <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs ring-1 ring-slate-200 ring-inset">{name ?? tag.tag_code}：任意值</span>
    );
  }
  return (
    <TagRuleChip
      rule={{
        tag_code: tag.tag_code,
        tag_name: name,
        relational_symbols: tag.relational_symbols ?? null,
        value1: tag.value1 ?? null,
        value2: tag.value2 ?? null,
      }}
    />
  );
}

function NoGroups({ total, pages, params, filtered }: { total: number; pages: number; params: GroupsParams; filtered: boolean }) {
  if (total > 0) {
    return (
      <PastLastPage
        current={params.current}
        total={total}
        pages={pages}
        toLast={(label) => <GoButton to={{ ...params, current: pages }}>{label}</GoButton>}
      />
    );
  }
  if (filtered) {
    return (
      <EmptyState title="没有符合条件的用户组" action={<GoButton to={{ current: 1, size: params.size }}>清除筛选</GoButton>}>
        换个关键词，或放宽类型、部门、标签的条件再试。
      </EmptyState>
    );
  }
  return <EmptyState title="还没有用户组">用户组在传播通后台创建；创建后点“刷新”即可看到。</EmptyState>;
}
