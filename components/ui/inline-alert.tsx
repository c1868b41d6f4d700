import type { ReactNode } from "react";

/** A failure next to what caused it (a form, a dialog): the sentence a person can act on. */
export function InlineAlert({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <p role="alert" className={`rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 ${className}`.trimEnd()}>{children}</p>;
}
