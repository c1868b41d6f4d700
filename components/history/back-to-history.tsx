import { Link } from "@/components/ui/link";

/** ← 推送记录 above a record: on its page, its loading state, and when there is no such record. */
export function BackToHistory() {
  return (
    <Link href="/history" className="text-sm text-blue-700 hover:underline">
      ← 推送记录
    </Link>
  );
}
