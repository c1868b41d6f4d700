import { useId } from "react";
import { Select } from "@/components/ui/select";
import { TextInput } from "@/components/ui/text-input";
import { NOTIFY_WAY_LABELS, NOTIFY_WAYS } from "@/lib/validations/push-labels";

/**
 * 搜索模板 and 推送类型, as /templates and the composer's 选择模板 both show them; the caller keeps the
 * values. One row from 640 px (the type as wide as its words), stacked below that.
 */
export function TemplateSearchFields(props: {
  typed: string;
  onTyped: (typed: string) => void;
  /** The channel's number as text, "" for every type. */
  way: string;
  onWay: (way: string) => void;
  autoFocus?: boolean;
}) {
  const id = useId();
  return (
    <div className="flex flex-wrap gap-2">
      <label htmlFor={`${id}-q`} className="sr-only">
        搜索模板
      </label>
      <TextInput
        id={`${id}-q`}
        type="search"
        placeholder="按名称或内容搜索"
        value={props.typed}
        data-autofocus={props.autoFocus ? true : undefined}
        onChange={(e) => props.onTyped(e.target.value)}
        className="min-w-0 flex-1"
      />
      <label htmlFor={`${id}-way`} className="sr-only">
        推送类型
      </label>
      <Select
        id={`${id}-way`}
        placeholder="全部类型"
        className="sm:w-auto"
        options={NOTIFY_WAYS.map((way) => ({ value: way, label: NOTIFY_WAY_LABELS[way] }))}
        value={props.way}
        onChange={(e) => props.onWay(e.target.value)}
      />
    </div>
  );
}
