/** A grey placeholder while content loads; hidden from screen readers (say "loading" once, elsewhere). */
export function Skeleton({ className = "h-4 w-full" }: { className?: string }) {
  return <span aria-hidden="true" className={`block animate-pulse rounded bg-slate-200 ${className}`} />;
}
