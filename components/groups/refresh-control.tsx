import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatChinaTime } from "@/lib/text/china-time";

/** When the whole group list was fetched, and 刷新 to fetch it again (saying so if that fails). */
export function RefreshControl(props: {
  fetchedAt: string | undefined;
  refresh: { mutate: () => void; isPending: boolean; error: Error | null };
}) {
  const { fetchedAt, refresh } = props;
  return (
    <div className="flex flex-col items-end gap-1 text-sm text-slate-600">
      <div className="flex items-center gap-3">
        {fetchedAt && <span>数据获取于 {formatChinaTime(fetchedAt)}（北京时间）</span>}
        {/* aria-disabled, not disabled: a disabled button drops the focus it holds to <body>. */}
        <Button onClick={() => !refresh.isPending && refresh.mutate()} aria-disabled={refresh.isPending}>
          {refresh.isPending ? "正在刷新…" : "刷新"}
        </Button>
      </div>
      {refresh.error && (
        <Alert variant="error" dense>
          刷新失败：{refresh.error.message}
        </Alert>
      )}
    </div>
  );
}
