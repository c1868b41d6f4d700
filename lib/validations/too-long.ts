import { countCodePoints } from "@/lib/text/code-points";

// Apart from push-labels.ts, so that pages listing pushes do not ship the counting.

const count = (n: number) => n.toLocaleString("zh-CN");

/** A text over its maximum, in the words the schema and the composer both use. */
export const tooLongMessage = (label: string, max: number, value: string) =>
  `${label}最多 ${count(max)} 个字，现在有 ${count(countCodePoints(value))} 个`;
