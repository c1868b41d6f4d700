import { approvalKeys } from "@/lib/auth/approvals-query";
import { pushKeys } from "@/lib/pushes/pushes-query";
import { getQueryClient } from "@/lib/query/query-client";

// Loaded after a send (send-push.ts): the browser-wide cache of the pages that keep one forgets the
// pushes and approvals it holds, so going back to them shows the new record.

export function forgetCachedPushes(): void {
  const client = getQueryClient();
  void client.invalidateQueries({ queryKey: pushKeys.all });
  void client.invalidateQueries({ queryKey: approvalKeys.all });
}
