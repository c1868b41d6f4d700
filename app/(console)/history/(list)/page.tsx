import { HistoryShell } from "@/components/history/history-shell";
import { HistoryTable } from "@/components/history/history-table";
import { buttonClasses } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { PastLastPage } from "@/components/ui/past-last-page";
import { RetryableError } from "@/components/ui/retryable-error";
import { can } from "@/lib/auth/roles";
import { HISTORY_DEFAULT_SIZE, HISTORY_FILTERS, HISTORY_SIZES, historyWatch } from "@/lib/pushes/history-search";
import { requirePageUser } from "@/lib/server/auth/session";
import { listPushes } from "@/lib/server/pushes/list";
import { hrefOf, listInput, parseSearch, searchProblem } from "@/lib/server/search-params";
import { pushListQuerySchema, type PushRecord } from "@/lib/validations/push-record";
import type { Paging } from "@/lib/api/page";
import type { ReactNode } from "react";

export const metadata = { title: "推送记录" };

// /history: the pushes sent from this console, newest first, rendered on the server by the function
// GET /api/pushes answers with. Page, size and filters live in the URL and are checked by the route's
// own schema (a bad day or range is said in its words, the filters still there to fix it); the
// filters, pages and looking again while a push goes out run in the browser (no react-query here).
export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const search = await searchParams;
  const input = listInput(search, HISTORY_FILTERS, { offered: HISTORY_SIZES, fallback: HISTORY_DEFAULT_SIZE });
  const filtered = HISTORY_FILTERS.some((name) => name in input);
  const parsed = parseSearch(pushListQuerySchema, input);
  if (!parsed.ok) {
    return (
      <HistoryFrame paging={null} records={[]}>
        <RetryableError title="推送记录没有加载出来" message={searchProblem(parsed)} retryHref={hrefOf("/history", search)} />
      </HistoryFrame>
    );
  }

  const list = await listPushes(parsed.query);
  if (list.records.length === 0 && list.total > 0) {
    // An old bookmark or a shared link past the end: the list is not empty, this page is.
    return (
      <HistoryFrame paging={null} records={[]}>
        <PastLastPage
          current={Number(input.current)}
          total={list.total}
          pages={list.pages}
          toLast={(label) => (
            <Link href={hrefOf("/history", { ...search, page: String(list.pages) })} className={buttonClasses("secondary")}>
              {label}
            </Link>
          )}
        />
      </HistoryFrame>
    );
  }
  if (list.records.length === 0) {
    return (
      <HistoryFrame paging={null} records={[]}>
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-sm text-slate-600">
          {filtered ? "没有符合筛选条件的推送记录。" : "还没有从本控制台发出的推送。"}
          {can(user.roles, "send") && (
            <Link href="/compose" className="ml-2 text-blue-700 underline">
              创建推送
            </Link>
          )}
        </div>
      </HistoryFrame>
    );
  }
  const { current, pages, total, records } = list;
  return (
    <HistoryFrame paging={{ current, pages, total, size: Number(input.size) }} records={records}>
      <HistoryTable records={records} />
    </HistoryFrame>
  );
}

function HistoryFrame({ paging, records, children }: { paging: Paging | null; records: PushRecord[]; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">推送记录</h1>
      <HistoryShell paging={paging} watch={historyWatch(records)}>
        {children}
      </HistoryShell>
    </div>
  );
}
