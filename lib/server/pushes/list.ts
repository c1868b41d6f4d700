import "server-only";
import { served } from "@/lib/server/pushes/served";
import { pushStore } from "@/lib/server/pushes/store";
import type { PushList, PushListQuery } from "@/lib/validations/push-record";

// 推送记录 as one page of the list: GET /api/pushes answers it, /history renders it on the server.

/** Newest first, paged and filtered as asked; each record's groups (ids when the index cannot be read) and people by name. */
export async function listPushes(query: PushListQuery): Promise<PushList> {
  const page = await pushStore().list(query);
  return { ...page, records: await served(page.records) };
}
