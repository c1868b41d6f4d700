import "server-only";
import { withGroups } from "@/lib/server/pushes/group-refs";
import { pushStore } from "@/lib/server/pushes/store";
import type { PushRecord } from "@/lib/validations/push-record";

/** One record with its groups' names (GET /api/pushes/:id and the page /history/:id); null when there is none. */
export async function pushDetail(id: string): Promise<PushRecord | null> {
  const record = await pushStore().get(id);
  return record ? (await withGroups([record]))[0]! : null;
}
