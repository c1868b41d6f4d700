import type { TagRule } from "@/lib/validations/group";

// A tag rule as a person reads it. The vendor documents only `value`; a range is the one other
// symbol whose meaning is plain. Anything else is shown as it came, never dropped.

type RuleFields = Pick<TagRule, "tag_code" | "tag_name" | "relational_symbols" | "value1" | "value2">;

export type RuleParts = { name: string; operator: string; value: string; known: boolean };

const EMPTY = "（空）";

function rangeText(from: string | null, to: string | null): string {
  if (from !== null && to !== null) return `${from}–${to}`;
  if (from !== null) return `≥ ${from}`;
  if (to !== null) return `≤ ${to}`;
  return EMPTY;
}

export function describeRule(rule: RuleFields): RuleParts {
  const name = rule.tag_name?.trim() || rule.tag_code;
  const symbol = rule.relational_symbols;
  if (symbol === "value") return { name, operator: "=", value: rule.value1 ?? EMPTY, known: true };
  if (symbol === "range") return { name, operator: "", value: rangeText(rule.value1, rule.value2), known: true };
  const values = [rule.value1, rule.value2].filter((v) => v !== null);
  return { name, operator: symbol ?? "?", value: values.length > 0 ? values.join(", ") : EMPTY, known: false };
}

export function ruleText(rule: RuleFields): string {
  const { name, operator, value } = describeRule(rule);
  return [name, operator, value].filter(Boolean).join(" ");
}
