import { Badge } from "@/components/ui/badge";

// The labels of lib/validations/group.ts's GROUP_TYPE_LABELS, kept here so the browser does not
// load that module's zod schemas for two words.
const TYPES: Record<number, { label: string; tone: "blue" | "green" }> = {
  1: { label: "导入用户", tone: "blue" },
  2: { label: "标签组", tone: "green" },
};

export function GroupTypeBadge({ type }: { type: number }) {
  const known = TYPES[type];
  return known ? <Badge tone={known.tone}>{known.label}</Badge> : <Badge title="传播通未说明的类型">类型 {type}</Badge>;
}
