import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { MAY_HAVE_GONE } from "@/lib/pushes/unknown-outcome";
import type { Failure } from "@/components/compose/use-compose-send";

/**
 * Why a send did not (surely) go out, and what to do: fix and send again, or check before resending.
 * An unknown outcome's cause comes first, then what it means and whom to ask (the server's sentence
 * says both; one of the composer's own, or a record's from before that sentence, gets it added).
 */
export function FailureNotice({ failure, onSendAsNew }: { failure: Failure; onSendAsNew: () => void }) {
  if (failure.outcome === "failed") {
    return (
      <Alert variant="error" title={`没有发出：${failure.message}`}>
        {failure.signIn ? (
          <p>
            填写的内容都还在。
            <Link className="mx-1 font-medium underline" href={failure.signIn}>
              重新登录
            </Link>
            后会回到这里，再点“发送”即可。
          </p>
        ) : (
          <p>填写的内容都还在，按提示修改后可以再次发送。</p>
        )}
      </Alert>
    );
  }
  return (
    <Alert
      variant="warning"
      title={/可能已(经)?发出/.test(failure.message) ? failure.message : `${failure.message}${MAY_HAVE_GONE}`}
      action={<Button onClick={onSendAsNew}>我已核实没有发出，作为新推送重发…</Button>}
    >
      <p>
        核实后可以在
        <Link className="mx-1 font-medium underline" href={failure.pushId ? `/history/${encodeURIComponent(failure.pushId)}` : "/history"}>
          推送记录
        </Link>
        里记下结果。内容不变时再点“发送”不会重复发出，只会取回这次的结果。
      </p>
    </Alert>
  );
}
