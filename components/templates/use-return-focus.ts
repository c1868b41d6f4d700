"use client";

import { useEffect, useRef } from "react";

// A dialog these screens unmount (rather than close) leaves focus nowhere: once it is gone from the
// page, focus goes back to the button that opened it. After the commit, not before: while the modal
// is still there, the rest of the page is inert and cannot take focus.

export function useReturnFocus(open: boolean): (opener: HTMLElement | null) => void {
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (open) return;
    const element = opener.current;
    opener.current = null;
    if (element?.isConnected) element.focus();
  }, [open]);
  return (element) => {
    opener.current = element;
  };
}
