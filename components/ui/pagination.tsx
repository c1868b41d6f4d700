"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { formatCount } from "@/lib/text/count";

// Server-side pagination controls: first / previous / numbered / next / last, the position, the
// total and the page size. When the pressed button goes away or is disabled (say, 下一页 on the
// last page), focus moves to the current page's button rather than falling to the document.

export type PaginationProps = {
  current: number;
  pages: number;
  total: number;
  size: number;
  sizes?: readonly number[];
  onPageChange: (page: number) => void;
  onSizeChange?: (size: number) => void;
  busy?: boolean;
  label: string;
};

/** Seven slots at most: the first and last page, the current one with its neighbours, gaps as null. */
export function pageWindow(current: number, pages: number): Array<number | null> {
  if (pages <= 7) return Array.from({ length: pages }, (_, i) => i + 1);
  if (current <= 4) return [1, 2, 3, 4, 5, null, pages];
  if (current >= pages - 3) return [1, null, pages - 4, pages - 3, pages - 2, pages - 1, pages];
  return [1, null, current - 1, current, current + 1, null, pages];
}

export function Pagination({ current, pages, total, size, sizes, onPageChange, onSizeChange, busy, label }: PaginationProps) {
  const nav = useRef<HTMLElement>(null);
  const hadFocus = useRef(false);
  const last = Math.max(pages, 1);

  useEffect(() => {
    if (!hadFocus.current) return;
    hadFocus.current = false;
    const root = nav.current;
    const active = document.activeElement;
    // A disabled button may still hold focus until the browser's focus fixup drops it to the body.
    const lost = !root?.contains(active) || (active instanceof HTMLButtonElement && active.disabled);
    if (root && lost) root.querySelector<HTMLElement>('[aria-current="page"]')?.focus();
  }, [current, pages]);

  const go = (page: number) => {
    hadFocus.current = true;
    onPageChange(page);
  };

  return (
    <nav ref={nav} aria-label={label} className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
      <ul className="flex flex-wrap items-center gap-1">
        <li>
          <Button variant="ghost" onClick={() => go(1)} disabled={current <= 1}>
            首页
          </Button>
        </li>
        <li>
          <Button variant="ghost" onClick={() => go(current - 1)} disabled={current <= 1}>
            上一页
          </Button>
        </li>
        {pageWindow(Math.min(current, last), last).map((page, i) =>
          page === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-slate-500">
              …
            </li>
          ) : (
            <li key={page}>
              <Button
                variant={page === current ? "primary" : "ghost"}
                aria-label={`第 ${page} 页`}
                aria-current={page === current ? "page" : undefined}
                onClick={() => page !== current && go(page)}
                className="min-w-9"
              >
                {page}
              </Button>
            </li>
          ),
        )}
        <li>
          <Button variant="ghost" onClick={() => go(current + 1)} disabled={current >= last}>
            下一页
          </Button>
        </li>
        <li>
          <Button variant="ghost" onClick={() => go(last)} disabled={current >= last}>
            末页
          </Button>
        </li>
      </ul>
      <p aria-live="polite" className="text-slate-600">
        第 {formatCount(current)} / {formatCount(last)} 页，共 {formatCount(total)} 条
        {busy && <span className="ml-2 text-slate-500">正在加载…</span>}
      </p>
      {sizes && onSizeChange && (
        <label className="flex items-center gap-2 text-slate-600">
          每页
          <select
            value={size}
            onChange={(event) => onSizeChange(Number(event.target.value))}
            className="rounded-md border border-slate-300 bg-white px-2 py-1"
          >
            {sizes.map((s) => (
              <option key={s} value={s}>
                {s} 条
              </option>
            ))}
          </select>
        </label>
      )}
    </nav>
  );
}
