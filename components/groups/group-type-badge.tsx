import { Badge } from "@/components/ui/badge";
import { GROUP_TYPE_LABELS } from "@/lib/validations/group-labels";

const TONES: Record<number, "blue" | "green"> = { 1: "blue", 2: "green" };

export function GroupTypeBadge({ type }: { type: number }) {
  const label = GROUP_TYPE_LABELS[type];
  return label ? <Badge tone={TONES[type]}>{label}</Badge> : <Badge title="传播通未说明的类型">类型 {type}</Badge>;
}
