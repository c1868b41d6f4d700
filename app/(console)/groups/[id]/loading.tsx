import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div className="space-y-6">
      <p role="status" className="sr-only">
        正在加载用户组…
      </p>
      <Skeleton className="h-7 w-72" />
      <Skeleton className="h-64 w-full" />
      <Skeleton className="h-32 w-full" />
    </div>
  );
}
