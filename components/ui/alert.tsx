import type { ReactNode } from "react";

// The console's one vocabulary for messages in a box: a failure, a warning, a success, a notice.
// The role follows the variant (failures and warnings interrupt, the rest wait their turn);
// "none" for standing advice that is part of the page rather than news.

export type AlertVariant = "error" | "warning" | "success" | "info";

const VARIANTS: Record<AlertVariant, string> = {
  error: "border-red-300 bg-red-50 text-red-900",
  warning: "border-amber-400 bg-amber-50 text-amber-950",
  success: "border-emerald-200 bg-emerald-50 text-emerald-900",
  info: "border-blue-200 bg-blue-50 text-blue-900",
};

const ROLES: Record<AlertVariant, "alert" | "status"> = { error: "alert", warning: "alert", success: "status", info: "status" };

export function Alert(props: {
  variant: AlertVariant;
  title?: ReactNode;
  children?: ReactNode;
  /** Buttons or links under the message. */
  action?: ReactNode;
  role?: "alert" | "status" | "none";
  /** Tighter, for a note inside a field's hint or a table. */
  dense?: boolean;
  className?: string;
  /** With tabIndex -1: where focus goes after an action whose result it says (components/ui/focus.ts). */
  id?: string;
  tabIndex?: number;
}) {
  const { variant, title, children, action, dense, className = "", id, tabIndex } = props;
  const role = props.role ?? ROLES[variant];
  return (
    <div
      id={id}
      tabIndex={tabIndex}
      role={role === "none" ? undefined : role}
      className={`flex flex-col gap-1 rounded-md border text-sm ${dense ? "px-2 py-1" : "px-3 py-2"} ${VARIANTS[variant]} ${className}`.trimEnd()}
    >
      {title && <p className="font-medium">{title}</p>}
      {children}
      {action && <div className="mt-1 flex flex-wrap items-center gap-2">{action}</div>}
    </div>
  );
}
