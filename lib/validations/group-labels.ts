// Group names for pages, without zod: importing them loads no schema code.

export const GROUP_TYPE_LABELS: Record<number, string> = { 1: "导入用户", 2: "标签组" };

/**
 * 状态 in words. The vendor's group_list doc (shared/upstream/chuanbo-openapi.txt, 一、返回参数 5) types
 * `status` int without saying what it means, and its example group, in use, has "1". Assumed here, as
 * Chinese admin consoles use it: 1 启用, 0 停用. Any other value is shown as the number it is.
 */
export function groupStatusText(status: number | null): string {
  if (status === 1) return "启用";
  if (status === 0) return "停用";
  return status === null ? "—" : `状态 ${status}`;
}
