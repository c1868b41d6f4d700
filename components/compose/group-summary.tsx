import { formatCount } from "@/lib/compose/reach";
import type { Group, TagRule } from "@/lib/validations/group";
import { GROUP_TYPE_LABELS } from "@/lib/validations/group-labels";

// A group as the composer shows it: type, 人数 and the tag rules that define who is in it.

const SYMBOLS: Record<string, string> = { value: "=", gte: "≥", lte: "≤", gt: ">", lt: "<", ne: "≠" };

/** "工作单位 = 太平街道", "年龄 18–35"; an unknown symbol is shown as it came, never dropped. */
export function tagRuleText(rule: TagRule): string {
  const name = rule.tag_name ?? rule.tag_code;
  const symbol = rule.relational_symbols ?? "";
  if (symbol === "range") return `${name} ${rule.value1 ?? ""}–${rule.value2 ?? ""}`;
  const values = [rule.value1, rule.value2].filter((v) => v !== null).join("、");
  return `${name} ${SYMBOLS[symbol] ?? symbol} ${values}`.trim();
}

export function GroupFacts({ group }: { group: Group }) {
  return (
    <span className="flex flex-wrap items-center gap-1.5 text-xs text-slate-600">
      <span className={`rounded px-1.5 py-0.5 font-medium ${group.type === 2 ? "bg-violet-100 text-violet-800" : "bg-sky-100 text-sky-800"}`}>
        {GROUP_TYPE_LABELS[group.type] ?? `类型 ${group.type}`}
      </span>
      <span>{group.pnum === null ? "人数未知" : `${formatCount(group.pnum)} 人`}</span>
      {group.tags.map((rule, i) => (
        <span key={`${rule.tag_code}-${i}`} className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-700">
          {tagRuleText(rule)}
        </span>
      ))}
    </span>
  );
}
