// Group names for pages, without zod: importing them loads no schema code.

export const GROUP_TYPE_LABELS: Record<number, string> = { 1: "导入用户", 2: "标签组" };
