"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Copies a short text, saying so (or that it could not) in a live region. `name` is the button's
 * accessible name where `label` alone would not say what it copies (one 复制 per row of a list);
 * `small` fits it in a table cell.
 */
export function CopyButton({ text, label, name, small }: { text: string; label: string; name?: string; small?: boolean }) {
  const [outcome, setOutcome] = useState<"copied" | "failed">();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome("copied");
    } catch {
      setOutcome("failed");
    }
  };
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2">
      <Button onClick={copy} aria-label={name} className={small ? "px-1.5 py-0 text-xs" : undefined}>
        {label}
      </Button>
      <span role="status" className="text-xs break-all text-slate-600">
        {outcome === "copied" ? `已复制 ${text}` : outcome === "failed" ? `浏览器不允许复制，请手动选中：${text}` : ""}
      </span>
    </span>
  );
}
