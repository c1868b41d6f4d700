import { BackToHistory } from "@/components/history/back-to-history";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div className="flex flex-col gap-4">
      <BackToHistory />
      <p role="status" className="sr-only">
        正在读取推送记录…
      </p>
      <Skeleton className="h-7 w-2/3" />
      <Skeleton className="h-40 w-full" />
      <Skeleton className="h-56 w-full" />
    </div>
  );
}
