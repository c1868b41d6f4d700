"use client";

import { Button, buttonClasses } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { formatCount } from "@/lib/text/count";
import type { SelectedGroup } from "@/components/groups/use-group-selection";

/** The groups chosen so far, from any page, and the way on to the composer with them. */
export function SelectionBar({
  selected,
  onRemove,
  onClear,
}: {
  selected: readonly SelectedGroup[];
  onRemove: (group: SelectedGroup) => void;
  onClear: () => void;
}) {
  if (selected.length === 0) return null;
  const counted = selected.filter((g) => g.pnum !== null);
  const reach = counted.reduce((sum, g) => sum + (g.pnum ?? 0), 0);
  return (
    <section aria-label="已选用户组" className="sticky bottom-0 rounded-lg border border-blue-200 bg-white/95 p-3 shadow-md backdrop-blur">
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm">
          已选 <strong>{formatCount(selected.length)}</strong> 个用户组
          {counted.length > 0 && (
            <span className="text-slate-600">
              ，预计触达 {formatCount(reach)} 人
              {counted.length < selected.length && `（${formatCount(selected.length - counted.length)} 个组人数未知）`}
            </span>
          )}
        </p>
        <details className="text-sm">
          <summary className="cursor-pointer text-blue-800">查看已选</summary>
          <ul className="mt-2 flex max-h-40 flex-wrap gap-1 overflow-y-auto">
            {selected.map((group) => (
              <li key={group.id} className="flex max-w-xs items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-2 text-xs">
                <span className="truncate" title={group.title}>
                  {group.title}
                </span>
                <button
                  type="button"
                  onClick={() => onRemove(group)}
                  aria-label={`取消选择 ${group.title}`}
                  className="rounded-full px-1 hover:bg-slate-300"
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </details>
        <div className="ml-auto flex gap-2">
          <Button variant="ghost" onClick={onClear}>
            清除选择
          </Button>
          <Link href={`/compose?groups=${selected.map((g) => g.id).join(",")}`} className={buttonClasses("primary")}>
            创建推送
          </Link>
        </div>
      </div>
    </section>
  );
}
