import type { TagRule } from "@/lib/validations/group";

// A tag rule as a person reads it. The vendor documents only `value` (工作单位 value 太平街道 reads
// 工作单位 = 太平街道); `range` and the usual comparison names (gte, lte, …) mean what they say, so
// they are shown as symbols or words people read. Anything else is shown as it came, never dropped.

type RuleFields = Pick<TagRule, "tag_code" | "tag_name" | "relational_symbols" | "value1" | "value2">;

export type RuleParts = { name: string; operator: string; value: string; known: boolean };

const EMPTY = "（空）";

function rangeText(from: string | null, to: string | null): string {
  if (from !== null && to !== null) return `${from}–${to}`;
  if (from !== null) return `≥ ${from}`;
  if (to !== null) return `≤ ${to}`;
  return EMPTY;
}

/** One-value symbols, as people read them; the vendor's page names only `value`. */
const OPERATORS: Readonly<Record<string, string>> = {
  value: "=",
  eq: "=",
  ne: "≠",
  neq: "≠",
  gt: ">",
  gte: "≥",
  ge: "≥",
  lt: "<",
  lte: "≤",
  le: "≤",
  contains: "包含",
  like: "包含",
  not_contains: "不包含",
  in: "属于",
  not_in: "不属于",
};

export function describeRule(rule: RuleFields): RuleParts {
  const name = rule.tag_name?.trim() || rule.tag_code;
  const symbol = rule.relational_symbols;
  if (symbol === "range") return { name, operator: "", value: rangeText(rule.value1, rule.value2), known: true };
  const values = [rule.value1, rule.value2].filter((v) => v !== null);
  const key = symbol?.trim().toLowerCase() ?? "";
  if (Object.hasOwn(OPERATORS, key)) {
    return { name, operator: OPERATORS[key]!, value: values.length > 0 ? values.join("、") : EMPTY, known: true };
  }
  return { name, operator: symbol ?? "?", value: values.length > 0 ? values.join(", ") : EMPTY, known: false };
}

/**
 * The rule's relation alone (the detail page's 关系 column), in the chip's words: `range` reads 介于
 * (the chip shows it as from–to), a known comparison its symbol; anything else as it came.
 */
export function relationText(symbol: string | null): string | null {
  if (symbol === null || symbol.trim() === "") return null;
  if (symbol === "range") return "介于";
  const key = symbol.trim().toLowerCase();
  return Object.hasOwn(OPERATORS, key) ? OPERATORS[key]! : symbol;
}

export function ruleText(rule: RuleFields): string {
  const { name, operator, value } = describeRule(rule);
  return [name, operator, value].filter(Boolean).join(" ");
}

/**
 * A rule's hover text: the rule again with its tag code and, where the chip shows it in other words,
 * the vendor's own symbol (for whoever asks the vendor about it); a symbol it never documented, said so.
 */
export function ruleTitle(rule: RuleFields): string {
  const { known } = describeRule(rule);
  const symbol = rule.relational_symbols;
  if (!known) return `传播通未说明的规则「${symbol ?? "无"}」，按原样显示（${rule.tag_code}）`;
  const vendor = symbol === null || symbol === "value" || symbol === "range" ? "" : `，传播通的写法为 ${symbol}`;
  return `${ruleText(rule)}（${rule.tag_code}${vendor}）`;
}
