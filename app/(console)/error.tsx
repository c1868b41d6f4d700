"use client";

import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { OFFLINE } from "@/lib/api/offline";

// A server-rendered page that failed (the database or the console itself), or code it fetches later
// that did not come (offline): the console's chrome stays, the failure is said in Chinese, and the
// digest matches the server's log line. 重试 loads the address again (a plain link: this boundary
// ships with every page, so it carries little code).
export default function PageError({ error }: { error: Error & { digest?: string } }) {
  const reference = error.digest ? `（错误编号 ${error.digest}）` : "";
  // Code the page fetches on demand (a dialog, a panel) that did not come: the network, not the server.
  const unreachable = error.name === "ChunkLoadError";
  return (
    <Alert
      variant="error"
      title="这一页没有加载出来"
      action={
        <a href="" className={buttonClasses("primary")}>
          重试
        </a>
      }
    >
      <p>{unreachable ? OFFLINE : `控制台服务器出错，请稍后重试${reference}。如果一再出现，请联系管理员。`}</p>
    </Alert>
  );
}
