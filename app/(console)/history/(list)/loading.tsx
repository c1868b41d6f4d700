import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">推送记录</h1>
      <p role="status" className="sr-only">
        正在读取推送记录…
      </p>
      <Skeleton className="h-36 w-full sm:h-20" />
      {Array.from({ length: 5 }, (_, i) => (
        <Skeleton key={i} className="h-10 w-full" />
      ))}
    </div>
  );
}
