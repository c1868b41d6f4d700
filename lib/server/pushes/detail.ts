import "server-only";
import { cache } from "react";
import { served } from "@/lib/server/pushes/served";
import { pushStore } from "@/lib/server/pushes/store";
import type { PushRecord } from "@/lib/validations/push-record";

/** One record as stored, read once per request however often it is asked (the page /history/:id asks twice). */
export const storedPush = cache((id: string) => pushStore().get(id));

/** One record with its groups' and people's names (GET /api/pushes/:id and the page /history/:id); null when there is none. */
export async function pushDetail(id: string): Promise<PushRecord | null> {
  const record = await storedPush(id);
  return record ? (await served([record]))[0]! : null;
}
