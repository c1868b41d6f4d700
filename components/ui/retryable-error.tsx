import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import type { ReactNode } from "react";

// Its own module, so that Alert alone (the page error boundary every page carries) brings no Button.

/**
 * A failed load: what failed, the reason as the server gave it, and 重试 (a button, or on a server
 * page a link that loads it again). `action` adds a way out beside it.
 */
export function RetryableError(props: {
  title: string;
  /** The reason: the server's sentence, or <ErrorText> for a call made in the browser (a 401 then links to sign in). */
  message: ReactNode;
  retrying?: boolean;
  onRetry?: () => void;
  retryHref?: string;
  action?: ReactNode;
}) {
  const { title, message, retrying, onRetry, retryHref, action } = props;
  const retry = retryHref ? (
    <a href={retryHref} className={buttonClasses("primary")}>
      重试
    </a>
  ) : (
    // aria-disabled, not disabled: a disabled button drops the focus it holds to <body>.
    <Button variant="primary" onClick={retrying ? undefined : onRetry} aria-disabled={retrying}>
      {retrying ? "正在重试…" : "重试"}
    </Button>
  );
  return (
    <Alert
      variant="error"
      title={title}
      action={
        <>
          {retry}
          {action}
        </>
      }
    >
      <div>{message}</div>
    </Alert>
  );
}
