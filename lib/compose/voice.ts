import { countCodePoints } from "@/lib/text/code-points";

// What text-to-speech does with a voice template: how long it talks, and what it reads badly.

/** Syllables a Chinese TTS voice speaks per second at its normal rate (about 270 per minute). */
const SYLLABLES_PER_SECOND = 4.5;
const LONG_PAUSE = /[。！？!?；;\n]/gu;
const SHORT_PAUSE = /[，、,：:]/gu;
const LATIN_WORD = /[A-Za-z]+/g;

/** Estimated speaking time in whole seconds (0 for no text). */
export function estimateSpeakingSeconds(text: string): number {
  const trimmed = text.trim();
  if (trimmed === "") return 0;
  // A Latin word is spoken as about two syllables, whatever its length.
  const words = trimmed.match(LATIN_WORD) ?? [];
  const withoutWords = trimmed.replace(LATIN_WORD, "");
  const spoken = [...withoutWords].filter((c) => /[\p{L}\p{N}]/u.test(c)).length + words.length * 2;
  const pauses = (trimmed.match(LONG_PAUSE)?.length ?? 0) * 0.5 + (trimmed.match(SHORT_PAUSE)?.length ?? 0) * 0.25;
  return Math.max(1, Math.round(spoken / SYLLABLES_PER_SECOND + pauses));
}

export type VoiceWarning = { kind: "digits" | "symbol" | "url" | "long"; text: string; message: string };

const URL_PATTERN = /(?:https?:\/\/|www\.)[^\s，。！？、；]+/giu;
/** Five digits or more: read one digit at a time (a year of four reads fine). */
const LONG_DIGITS = /\d{5,}/g;
const SYMBOLS: Record<string, string> = {
  "#": "“#”会被读成“井号”或跳过，请改用文字",
  "/": "“/”可能被读成“斜杠”，请改用“或”“每”等文字",
  "%": "“%”请写成“百分之…”，语音会读得更自然",
  "【": "“【】”不会被读出，请删去或改用文字",
  "】": "“【】”不会被读出，请删去或改用文字",
};
/** Providers cap voice text well under the vendor's 500 in practice; a long call is also hung up on. */
export const VOICE_COMFORTABLE_MAX = 300;

export function voiceWarnings(text: string): VoiceWarning[] {
  const warnings: VoiceWarning[] = [];
  for (const match of text.match(URL_PATTERN) ?? []) {
    warnings.push({ kind: "url", text: match, message: `网址“${match}”在电话里无法听清，请删去或改为口头说明` });
  }
  const rest = text.replace(URL_PATTERN, " ");
  for (const match of rest.match(LONG_DIGITS) ?? []) {
    warnings.push({
      kind: "digits",
      text: match,
      message: `“${match}”会被一位一位地读出；如果是数量或金额，请写成中文（如“一万二千”）`,
    });
  }
  const seen = new Set<string>();
  for (const char of rest) {
    const message = SYMBOLS[char];
    if (message && !seen.has(message)) {
      seen.add(message);
      warnings.push({ kind: "symbol", text: char, message });
    }
  }
  const length = countCodePoints(text.trim());
  if (length > VOICE_COMFORTABLE_MAX) {
    warnings.push({
      kind: "long",
      text: "",
      message: `语音有 ${length} 个字，接听者可能听不完；不少语音服务商的实际上限低于 500 字，建议控制在 ${VOICE_COMFORTABLE_MAX} 字以内`,
    });
  }
  return warnings;
}

/** "约 1 分 05 秒" / "约 12 秒". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `约 ${seconds} 秒`;
  return `约 ${Math.floor(seconds / 60)} 分 ${String(seconds % 60).padStart(2, "0")} 秒`;
}
