// After a change, focus goes to what now says how it went, not to the document. The control that
// was pressed often goes with the change (a dialog closes, a card is decided, the record renders
// again from the server), and the browser then drops focus to <body>, which sends keyboard and
// screen-reader users back to the top of the page. The one way to move it: call focusWhenShown
// (./focus.ts, which loads this with the change) as the change succeeds, with how to find the new
// place (a message or heading with tabIndex={-1}).

const GIVE_UP_MS = 15_000;

let stopLast: (() => void) | null = null;

/**
 * Focuses what `find` returns as soon as it is on the page and can take focus (not behind a modal
 * dialog still closing), retried as the page changes. Given up when the person presses a key or
 * the pointer meanwhile (they have moved on), when another call replaces it, or after a while.
 */
export function focusWhenShown(find: () => HTMLElement | null | undefined): void {
  stopLast?.();
  const attempt = () => {
    const target = find();
    if (!target?.isConnected) return false;
    target.focus({ preventScroll: false });
    return document.activeElement === target;
  };
  const observer = new MutationObserver(() => {
    if (attempt()) stop();
  });
  const timer = window.setTimeout(() => stop(), GIVE_UP_MS);
  const stop = () => {
    observer.disconnect();
    window.clearTimeout(timer);
    document.removeEventListener("keydown", stop, true);
    document.removeEventListener("pointerdown", stop, true);
    if (stopLast === stop) stopLast = null;
  };
  stopLast = stop;
  if (attempt()) return stop();
  // Attributes too: a closing <dialog> loses `open` before anything else changes.
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["open"] });
  document.addEventListener("keydown", stop, true);
  document.addEventListener("pointerdown", stop, true);
}
