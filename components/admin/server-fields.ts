import { ApiError } from "@/lib/api/fetch-json";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

// A server refusal about a field reads like the form's own check: the message under that field and
// focus on it (the first, if several), not a box elsewhere with focus dropped to the page.

/** Whether the server's refusal names one of these fields (then it is shown there, not in a box). */
export function refusedFields<T extends FieldValues>(error: unknown, names: readonly Path<T>[]): Path<T>[] {
  return error instanceof ApiError ? names.filter((name) => error.fields[name]) : [];
}

/** Puts each refused field's message under it and focuses the first; false when none was named. */
export function showServerFields<T extends FieldValues>(error: unknown, names: readonly Path<T>[], setError: UseFormSetError<T>): boolean {
  const refused = refusedFields(error, names);
  refused.forEach((name, index) =>
    setError(name, { type: "server", message: (error as ApiError).fields[name] }, { shouldFocus: index === 0 }),
  );
  return refused.length > 0;
}
