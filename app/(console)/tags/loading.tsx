import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">标签</h1>
      <p role="status" className="sr-only">
        正在加载标签…
      </p>
      {Array.from({ length: 4 }, (_, i) => (
        <Skeleton key={i} className="h-24 w-full" />
      ))}
    </div>
  );
}
