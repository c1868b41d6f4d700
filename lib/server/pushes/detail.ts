import "server-only";
import { served } from "@/lib/server/pushes/served";
import { pushStore } from "@/lib/server/pushes/store";
import type { PushRecord } from "@/lib/validations/push-record";

/** One record with its groups' and people's names (GET /api/pushes/:id and the page /history/:id); null when there is none. */
export async function pushDetail(id: string): Promise<PushRecord | null> {
  const record = await pushStore().get(id);
  return record ? (await served([record]))[0]! : null;
}
