import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">待审批</h1>
      <p role="status" className="sr-only">
        正在加载待审批的推送…
      </p>
      <Skeleton className="h-16 w-full" />
      {Array.from({ length: 3 }, (_, i) => (
        <Skeleton key={i} className="h-48 w-full" />
      ))}
    </div>
  );
}
