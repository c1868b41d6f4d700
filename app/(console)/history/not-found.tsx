import { BackToHistory } from "@/components/history/back-to-history";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Link } from "@/components/ui/link";

// notFound() from /history/:id (an unknown record: a mistyped or foreign link), answered 404. It
// belongs to the history segment, so /history's first load carries it: it imports no record code.
export default function NotFound() {
  return (
    <div className="flex flex-col gap-4">
      <BackToHistory />
      <Alert
        variant="error"
        title="找不到这条推送记录，可能链接有误。"
        action={
          <Link href="/history" className={buttonClasses()}>
            返回推送记录
          </Link>
        }
      />
    </div>
  );
}
