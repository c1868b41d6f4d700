"use client";

// Stand-in for the group browser's pager (replaced at merge): same props, minimal behaviour.

export function Pagination(props: {
  current: number;
  pages: number;
  total: number;
  size: number;
  sizes?: readonly number[];
  onPageChange: (page: number) => void;
  onSizeChange?: (size: number) => void;
  busy?: boolean;
  label: string;
}) {
  const { current, pages, total, size, sizes, onPageChange, onSizeChange, busy, label } = props;
  const button = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm disabled:opacity-40";
  return (
    <nav aria-label={label} aria-busy={busy} className="flex flex-wrap items-center gap-2 text-sm">
      <span>共 {total} 条，第 {current} / {Math.max(pages, 1)} 页</span>
      <button type="button" className={button} disabled={current <= 1} onClick={() => onPageChange(current - 1)}>
        上一页
      </button>
      <button type="button" className={button} disabled={current >= pages} onClick={() => onPageChange(current + 1)}>
        下一页
      </button>
      {sizes && onSizeChange && (
        <label className="flex items-center gap-1">
          每页
          <select className="rounded-md border border-slate-300 bg-white px-2 py-1" value={size} onChange={(e) => onSizeChange(Number(e.target.value))}>
            {sizes.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          条
        </label>
      )}
    </nav>
  );
}
