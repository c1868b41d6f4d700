"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";

/**
 * 菜单 on narrow screens: a disclosure (aria-expanded) for the panel that follows it (`controls`).
 * Esc inside the menu closes it and puts focus back here; following a link closes it.
 */
export function MenuToggle({ controls }: { controls: string }) {
  const pathname = usePathname();
  // Open on the page where it was opened: a navigation closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || !button.current?.parentElement?.contains(event.target as Node)) return;
      setOpenOn(null);
      button.current.focus();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open]);
  return (
    <button
      ref={button}
      type="button"
      aria-expanded={open}
      aria-controls={controls}
      onClick={() => setOpenOn(open ? null : pathname)}
      className="peer flex items-center gap-1.5 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 sm:hidden"
    >
      {/* ≡ and ×, not ☰ and ✕: these two are in the Chinese fonts that draw the rest of the page, so
          no other font is looked for as it opens, and every system draws them alike. */}
      <span aria-hidden="true" className="text-base leading-none">
        {open ? "×" : "≡"}
      </span>
      菜单
    </button>
  );
}
