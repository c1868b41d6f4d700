// focusWhenShown (./focus-when-shown.ts), loaded with the first change that needs it rather than with
// every page that might make one. Offline before it came, focus stays where it is.

export const loadFocusWhenShown = () => import("@/components/ui/focus-when-shown");

export function focusWhenShown(find: () => HTMLElement | null | undefined): void {
  void loadFocusWhenShown().then(
    (m) => m.focusWhenShown(find),
    () => undefined,
  );
}
