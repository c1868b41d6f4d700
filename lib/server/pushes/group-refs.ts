import "server-only";
import { groupsByIds } from "@/lib/server/group-index";
import { UpstreamError } from "@/lib/server/upstream-error";
import type { Group } from "@/lib/validations/group";
import type { PushGroupRef, PushRecord } from "@/lib/validations/push-record";

// Records carry group ids (what was sent); pages show names. Resolved here, when a list or record is
// served, from the group index (no page ships the index): a group no longer in it is `missing`.

/** The groups by id from the index; undefined when it cannot be read now (the vendor is down). */
export async function lookUpGroups(ids: Iterable<number>): Promise<Map<number, Group> | undefined> {
  try {
    return await groupsByIds([...new Set(ids)]);
  } catch (error) {
    if (error instanceof UpstreamError) return undefined;
    throw error;
  }
}

function refOf(id: number, found: Map<number, Group>): PushGroupRef {
  const group = found.get(id);
  return group ? { id, title: group.title, type: group.type, pnum: group.pnum } : { id, missing: true };
}

/** The records with `groups` filled in, or as they are when the index cannot be read. */
export async function withGroups<T extends PushRecord>(records: T[]): Promise<T[]> {
  const found = await lookUpGroups(records.flatMap((r) => r.chuanbo_group));
  if (!found) return records;
  return records.map((record) => ({ ...record, groups: record.chuanbo_group.map((id) => refOf(id, found)) }));
}
