import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/lib/text/count";
import type { ReactNode } from "react";

/**
 * A page past a list's last (an old bookmark, a shared link): the list is not empty, this page is.
 * `toLast` makes the way to the last page from its label: a link, or a button that keeps the filters.
 */
export function PastLastPage(props: { current: number; total: number; pages: number; toLast: (label: string) => ReactNode }) {
  const { current, total, pages, toLast } = props;
  return (
    <EmptyState title={`第 ${formatCount(current)} 页没有内容`} action={toLast(`去第 ${formatCount(pages)} 页（最后一页）`)}>
      共 {formatCount(total)} 条，只有 {formatCount(pages)} 页。
    </EmptyState>
  );
}
