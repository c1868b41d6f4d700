import type { ComponentProps } from "react";

// The console's buttons, in plain Tailwind; buttonClasses also lets a Link look like one.

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";

// aria-disabled looks as disabled does: a button that must keep the keyboard's focus while it works
// is marked so instead (a disabled button loses focus to the page).
const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-blue-700 text-white hover:bg-blue-800 disabled:bg-blue-300 aria-disabled:bg-blue-300",
  secondary:
    "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100 disabled:text-slate-400 disabled:hover:bg-white aria-disabled:text-slate-400 aria-disabled:hover:bg-white",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:bg-red-300 aria-disabled:bg-red-300",
  ghost:
    "text-slate-700 hover:bg-slate-200 disabled:text-slate-400 disabled:hover:bg-transparent aria-disabled:text-slate-400 aria-disabled:hover:bg-transparent",
};

export function buttonClasses(variant: ButtonVariant = "secondary", className = ""): string {
  return `inline-flex items-center justify-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap disabled:cursor-not-allowed aria-disabled:cursor-not-allowed ${VARIANTS[variant]} ${className}`.trimEnd();
}

export function Button({ variant, className, type = "button", ...props }: ComponentProps<"button"> & { variant?: ButtonVariant }) {
  return <button type={type} className={buttonClasses(variant, className)} {...props} />;
}
