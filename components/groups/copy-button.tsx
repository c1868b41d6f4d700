"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies a short text, saying so (or that it could not) in a live region. */
export function CopyButton({ text, label }: { text: string; label: string }) {
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
    <span className="inline-flex items-center gap-2">
      <Button onClick={copy}>{label}</Button>
      <span role="status" className="text-xs text-slate-600">
        {outcome === "copied" ? `已复制 ${text}` : outcome === "failed" ? `浏览器不允许复制，请手动选中：${text}` : ""}
      </span>
    </span>
  );
}
