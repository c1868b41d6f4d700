import { useEffect, type RefObject } from "react";
import { focusWhenShown } from "@/components/ui/focus";

// Apart from ./focus, which pages load at once: only the dialogs that use this carry it.

/**
 * After a refused submit (a new `failure` each time): focus on the first field the answer marked
 * invalid, else on `message` (a selector for what went wrong), inside `form`. Its submit button was
 * disabled while it worked, which dropped focus to <body>.
 */
export function useFocusOnFailure(failure: unknown, form: RefObject<HTMLFormElement | null>, message: string): void {
  useEffect(() => {
    if (failure) focusWhenShown(() => form.current?.querySelector<HTMLElement>(`[aria-invalid="true"], ${message}`));
  }, [failure, form, message]);
}
