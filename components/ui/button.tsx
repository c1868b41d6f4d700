import type { ComponentProps } from "react";

// The console's buttons, in plain Tailwind; buttonClasses also lets a Link look like one.

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";

// `unavailable:` (globals.css) is disabled or aria-disabled: the look of a button that cannot act now.
const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-blue-700 text-white hover:bg-blue-800 unavailable:bg-blue-300",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100 unavailable:text-slate-400 unavailable:hover:bg-white",
  danger: "bg-red-700 text-white hover:bg-red-800 unavailable:bg-red-300",
  ghost: "text-slate-700 hover:bg-slate-200 unavailable:text-slate-400 unavailable:hover:bg-transparent",
};

export function buttonClasses(variant: ButtonVariant = "secondary", className = ""): string {
  return `inline-flex items-center justify-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap unavailable:cursor-not-allowed ${VARIANTS[variant]} ${className}`.trimEnd();
}

export function Button({ variant, className, type = "button", ...props }: ComponentProps<"button"> & { variant?: ButtonVariant }) {
  return <button type={type} className={buttonClasses(variant, className)} {...props} />;
}
