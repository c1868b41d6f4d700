import { cloneElement, type ReactElement, type ReactNode } from "react";
import { formatCount } from "@/lib/text/count";

// A labelled form field in the shadcn/ui form style: label, control, hint, and a visible message.
// The field gives its one control the id the label points at, and aria-invalid/aria-describedby
// naming the error and the hint, so screen readers hear them; the form only says which field.

/** What a control receives from its Field. */
export type FieldControlProps = { id?: string; "aria-invalid"?: boolean; "aria-describedby"?: string };

function controlAria(id: string, error: string | undefined, hint: boolean): FieldControlProps {
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy || undefined };
}

type FieldProps = {
  id: string;
  label: ReactNode;
  required?: boolean;
  hint?: ReactNode;
  /** Shown right of the label, e.g. a character counter. */
  aside?: ReactNode;
  error?: string;
  className?: string;
} & (
  | {
      /** The one control: an input, select, textarea, or a component passing these props to its own. */
      children: ReactElement<FieldControlProps>;
      /** More under the control, e.g. quick choices that fill it. */
      extra?: ReactNode;
      group?: false;
    }
  | {
      /** A set of checkboxes or radios: a fieldset named by its legend, which carries the aria itself. */
      group: true;
      children: ReactNode;
      extra?: never;
    }
);

function Marker({ required }: { required?: boolean }) {
  return required ? (
    <span className="ml-0.5 text-red-600" aria-hidden="true">
      *
    </span>
  ) : (
    <span className="ml-1 text-xs font-normal text-slate-500">（选填）</span>
  );
}

function Messages({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint && (
        <div id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </>
  );
}

export function Field(props: FieldProps) {
  const { id, label, required, hint, aside, error, className } = props;
  const aria = controlAria(id, error, !!hint);
  if (props.group) {
    return (
      <fieldset {...aria} className={`flex flex-col gap-1.5 ${className ?? ""}`}>
        <legend className="text-sm font-medium text-slate-800">
          {label}
          <Marker required={required} />
        </legend>
        {props.children}
        <Messages id={id} hint={hint} error={error} />
      </fieldset>
    );
  }
  return (
    <div className={`flex flex-col gap-1.5 ${className ?? ""}`}>
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
          <Marker required={required} />
        </label>
        {aside}
      </div>
      {cloneElement(props.children, aria)}
      {props.extra}
      <Messages id={id} hint={hint} error={error} />
    </div>
  );
}

/** "12 / 70", red past the limit; announced politely, not on every keystroke's focus. */
export function Counter({ count, max, id }: { count: number; max: number; id?: string }) {
  return (
    <span id={id} className={`text-xs tabular-nums ${count > max ? "font-semibold text-red-700" : "text-slate-500"}`}>
      {formatCount(count)} / {formatCount(max)}
    </span>
  );
}
