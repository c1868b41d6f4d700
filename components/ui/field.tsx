import type { ReactNode } from "react";

// A labelled form field in the shadcn/ui form style: label, control, hint, and a visible message.
// The control gets its ids from fieldAria so screen readers hear the hint and the error.

export function fieldAria(id: string, error: string | undefined, hint?: boolean) {
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy || undefined };
}

export function Field(props: {
  id: string;
  label: ReactNode;
  required?: boolean;
  hint?: ReactNode;
  /** Shown right of the label, e.g. a character counter. */
  aside?: ReactNode;
  error?: string;
  children: ReactNode;
  className?: string;
}) {
  const { id, label, required, hint, aside, error, children, className } = props;
  return (
    <div className={`flex flex-col gap-1.5 ${className ?? ""}`}>
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
          {required ? <span className="ml-0.5 text-red-600" aria-hidden="true">*</span> : <span className="ml-1 text-xs font-normal text-slate-500">（选填）</span>}
        </label>
        {aside}
      </div>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** "12 / 70", red past the limit; announced politely, not on every keystroke's focus. */
export function Counter({ count, max, id }: { count: number; max: number; id?: string }) {
  return (
    <span id={id} className={`text-xs tabular-nums ${count > max ? "font-semibold text-red-700" : "text-slate-500"}`}>
      {count.toLocaleString("zh-CN")} / {max.toLocaleString("zh-CN")}
    </span>
  );
}
