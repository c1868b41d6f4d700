import type { ComponentProps } from "react";

export const controlClass =
  "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-xs placeholder:text-slate-400 aria-invalid:border-red-600 aria-invalid:ring-1 aria-invalid:ring-red-600 disabled:bg-slate-100";

export function TextInput({ className, ...props }: ComponentProps<"input">) {
  return <input type="text" {...props} className={`${controlClass} ${className ?? ""}`} />;
}
