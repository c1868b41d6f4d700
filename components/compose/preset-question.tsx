"use client";

import { AskInPlace } from "@/components/ui/ask-in-place";
import type { PresetAsk } from "@/components/compose/preset-draft";

// In place of the form, before a link's preset (复制为新推送, 创建推送 from 用户组) replaces part of an
// unsent draft; the safe choice keeps the draft as it was.

export function PresetQuestion({ ask, onReplace, onKeep }: { ask: PresetAsk; onReplace: () => void; onKeep: () => void }) {
  return (
    <AskInPlace title={ask.title} safeLabel={ask.keep} label={ask.replace} onCancel={onKeep} onConfirm={onReplace}>
      {ask.detail}
    </AskInPlace>
  );
}
