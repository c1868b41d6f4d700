import { RecordNotFound } from "@/components/history/history-detail";
import { Link } from "@/components/ui/link";

// notFound() from /history/:id (an unknown record: a mistyped or foreign link), answered 404.
export default function NotFound() {
  return (
    <div className="flex flex-col gap-4">
      <Link href="/history" className="text-sm text-blue-700 hover:underline">
        ← 推送记录
      </Link>
      <RecordNotFound />
    </div>
  );
}
