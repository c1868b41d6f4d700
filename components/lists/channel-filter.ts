import { NOTIFY_WAY_LABELS, NOTIFY_WAYS } from "@/lib/validations/push-labels";
import type { FilterField } from "@/components/lists/filter-bar";

/** 推送类型, for the lists of pushes (history, approvals). */
export const CHANNEL_FILTER: FilterField = {
  name: "notify_way",
  label: "推送类型",
  kind: "select",
  placeholder: "全部类型",
  options: NOTIFY_WAYS.map((w) => ({ value: w, label: NOTIFY_WAY_LABELS[w] })),
};
