import { describeRule, ruleTitle } from "@/lib/groups/tag-rule";
import type { TagRule } from "@/lib/validations/group";

type RuleFields = Pick<TagRule, "tag_code" | "tag_name" | "relational_symbols" | "value1" | "value2">;

/** One tag rule as a readable chip (会员等级 ≥ 3); a symbol no one can read is flagged, not hidden. */
export function TagRuleChip({ rule }: { rule: RuleFields }) {
  const { name, operator, value, known } = describeRule(rule);
  return (
    <span
      title={ruleTitle(rule)}
      // Never broken inside a word: name and relation stay whole, a long value is cut with … (the title has it all).
      className={`inline-flex max-w-full items-baseline gap-1 rounded-full px-2 py-0.5 text-xs whitespace-nowrap ring-1 ring-inset ${
        known ? "bg-slate-100 text-slate-800 ring-slate-200" : "bg-amber-50 text-amber-900 ring-amber-300"
      }`}
    >
      {/* The spaces read "工作单位 = 太平街道" when copied or announced; flex layout drops them visually. */}
      <span className="shrink-0 text-slate-600">{name}</span>{" "}
      {operator && <span className={`shrink-0 ${known ? "text-slate-500" : "font-mono"}`}>{operator}</span>}{" "}
      <span className="min-w-0 truncate font-medium">{value}</span>
    </span>
  );
}

export function TagRuleList({ rules }: { rules: readonly RuleFields[] }) {
  if (rules.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="标签规则">
      {rules.map((rule, i) => (
        <li key={`${rule.tag_code}-${i}`} className="max-w-full">
          <TagRuleChip rule={rule} />
        </li>
      ))}
    </ul>
  );
}
