import { formatCount } from "@/lib/text/count";
import type { Reach as RecordedReach } from "@/lib/validations/push-record";

// Who a push reaches, from the groups' 人数 (pnum). Groups may overlap and pnum is the vendor's
// undocumented estimate, so the sum is an estimate (预计触达, as the server's policy says it too),
// and groups without a count are said so.

export type Reach = { people: number; unknownGroups: number; groups: number };

export function reachOf(groups: ReadonlyArray<{ pnum: number | null }>): Reach {
  let people = 0;
  let unknownGroups = 0;
  for (const group of groups) {
    if (group.pnum === null) unknownGroups += 1;
    else people += group.pnum;
  }
  return { people, unknownGroups, groups: groups.length };
}

/** Reach as a push record keeps it; a group that can no longer be found counts as one without a count. */
export function recordedReach(groups: ReadonlyArray<{ pnum: number | null } | undefined>): RecordedReach {
  const reach = reachOf(groups.map((group) => group ?? { pnum: null }));
  return { reach: reach.unknownGroups === reach.groups ? null : reach.people, incomplete: reach.unknownGroups > 0 };
}

export { formatCount };

/**
 * "预计触达 1,234 人"; when some count is missing the reach is unknown (not the known part: the
 * approval policy treats it so too), and the known part is only a hint.
 */
export function reachText(reach: Reach): string {
  if (reach.groups === 0) return "尚未选择用户组";
  if (reach.unknownGroups === reach.groups) return `人数未知（${reach.groups} 个用户组的人数都未知）`;
  const base = `预计触达 ${formatCount(reach.people)} 人`;
  return reach.unknownGroups > 0 ? `人数未知（已知部分${base}，另有 ${reach.unknownGroups} 个用户组人数未知）` : base;
}

/** SMS billed: segments for each person. */
export function smsMessages(segments: number, reach: Reach): number {
  return segments * reach.people;
}
