import { GroupTypeBadge } from "@/components/groups/group-type-badge";
import { TagRuleChip } from "@/components/groups/tag-rule-chip";
import { formatCount } from "@/lib/compose/reach";
import type { Group } from "@/lib/validations/group";

// A group as the composer shows it: type, 人数 and the tag rules that define who is in it.

export function GroupFacts({ group }: { group: Group }) {
  return (
    <span className="flex flex-wrap items-center gap-1.5 text-xs text-slate-600">
      <GroupTypeBadge type={group.type} />
      <span>{group.pnum === null ? "人数未知" : `${formatCount(group.pnum)} 人`}</span>
      {/* Chips, not a list: this sits inside the picker's <label>, which takes phrasing content only. */}
      {group.tags.map((rule, i) => (
        <TagRuleChip key={`${rule.tag_code}-${i}`} rule={rule} />
      ))}
    </span>
  );
}
