import { countCodePoints } from "@/lib/text/code-points";
import { formatCount } from "@/lib/text/count";

// Apart from push-labels.ts, so that pages listing pushes do not ship the counting.

/** A text over its maximum, in the words the schema and the composer both use. */
export const tooLongMessage = (label: string, max: number, value: string) =>
  `${label}最多 ${formatCount(max)} 个字，现在有 ${formatCount(countCodePoints(value))} 个`;
