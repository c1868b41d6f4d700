"use client";

import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/text-input";
import type { UrlPatch } from "@/components/lists/use-url-params";

// The filters above a list, read from and written to the URL. Selects apply at once; words and days
// when 筛选 is pressed (or Enter). `from`/`to` must be in order, as the server also checks.

export type FilterField =
  | { name: string; label: string; kind: "text"; placeholder?: string; maxLength?: number }
  | { name: string; label: string; kind: "date" }
  | { name: string; label: string; kind: "select"; placeholder: string; options: ReadonlyArray<{ value: string | number; label: string }> };

/** The day range every list filters by; the bar checks that `from` ≤ `to`, as the server does. */
export const DAY_RANGE: readonly FilterField[] = [
  { name: "from", label: "从", kind: "date" },
  { name: "to", label: "到", kind: "date" },
];

export function FilterBar({
  label,
  fields,
  params,
  onApply,
  extra,
}: {
  label: string;
  fields: readonly FilterField[];
  params: URLSearchParams;
  /** The new filters (blank = none); the page goes back to the first. */
  onApply: (patch: UrlPatch) => void;
  extra?: ReactNode;
}) {
  const [error, setError] = useState<string | null>(null);
  const active = fields.some((f) => (params.get(f.name) ?? "") !== "");
  // The fields show the URL's filters again when the URL changes from elsewhere (back/forward, 清除筛选),
  // but not when it changes by this form's own apply: what was typed meanwhile is kept.
  const search = params.toString();
  const ours = useRef(false);
  const seen = useRef(search);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (seen.current === search) return;
    seen.current = search;
    if (ours.current) ours.current = false;
    else setGeneration((g) => g + 1);
  }, [search]);

  function apply(form: HTMLFormElement) {
    const data = new FormData(form);
    const patch: UrlPatch = { page: undefined };
    for (const f of fields) patch[f.name] = String(data.get(f.name) ?? "").trim();
    if (patch.from && patch.to && String(patch.from) > String(patch.to)) {
      setError("结束日期不能早于开始日期");
      return;
    }
    setError(null);
    ours.current = fields.some((f) => String(patch[f.name] ?? "") !== (params.get(f.name) ?? "")) || params.has("page");
    onApply(patch);
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply(event.currentTarget);
  };

  return (
    <form
      key={generation}
      role="search"
      aria-label={label}
      onSubmit={submit}
      className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:flex sm:flex-wrap sm:items-end"
    >
      {fields.map((f) => {
        const id = `filter-${f.name}`;
        const value = params.get(f.name) ?? "";
        return (
          // Two to a row at 390 px; words take the whole row.
          <div key={f.name} className={`flex min-w-0 flex-col gap-1 text-sm ${f.kind === "text" ? "col-span-2" : ""}`}>
            <label htmlFor={id} className="font-medium">
              {f.label}
            </label>
            {f.kind === "select" ? (
              <select
                id={id}
                name={f.name}
                defaultValue={value}
                className={controlClass}
                onChange={(e) => e.currentTarget.form && apply(e.currentTarget.form)}
              >
                <option value="">{f.placeholder}</option>
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                name={f.name}
                type={f.kind === "date" ? "date" : "search"}
                defaultValue={value}
                placeholder={f.kind === "text" ? f.placeholder : undefined}
                maxLength={f.kind === "text" ? f.maxLength : undefined}
                aria-invalid={f.name === "to" && error ? true : undefined}
                aria-describedby={f.name === "to" && error ? "filter-range-error" : undefined}
                className={`${controlClass} ${f.kind === "date" ? "sm:w-40" : "sm:w-48"}`}
              />
            )}
          </div>
        );
      })}
      <div className="col-span-2 flex flex-wrap items-center gap-2">
        <Button type="submit" variant="primary">
          筛选
        </Button>
        {active && (
          <Button
            type="button"
            onClick={() => onApply(Object.fromEntries([...fields.map((f) => [f.name, undefined]), ["page", undefined]]))}
          >
            清除筛选
          </Button>
        )}
        {extra}
      </div>
      {error && (
        <p id="filter-range-error" role="alert" className="col-span-2 text-sm text-red-700 sm:basis-full">
          {error}
        </p>
      )}
    </form>
  );
}
