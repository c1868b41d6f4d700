"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { RetryableError } from "@/components/ui/alert";

// A server-rendered page that failed (the database or the console itself): the console's chrome
// stays, the failure is said in Chinese with 重试, and the digest matches the server's log line.
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const [retrying, startTransition] = useTransition();
  const reference = error.digest ? `（错误编号 ${error.digest}）` : "";
  return (
    <RetryableError
      title="这一页没有加载出来"
      message={`控制台服务器出错，请稍后重试${reference}。如果一再出现，请联系管理员。`}
      retrying={retrying}
      onRetry={() =>
        startTransition(() => {
          router.refresh();
          reset();
        })
      }
    />
  );
}
