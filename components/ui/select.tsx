import { controlClass } from "@/components/ui/text-input";
import type { ComponentProps } from "react";

/** A native select with a blank first option ("请选择…") that stands for no value. */
export function Select({
  className,
  placeholder,
  options,
  ...props
}: ComponentProps<"select"> & { placeholder: string; options: ReadonlyArray<{ value: string | number; label: string }> }) {
  return (
    <select {...props} className={`${controlClass} ${className ?? ""}`}>
      <option value="">{placeholder}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
