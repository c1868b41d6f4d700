import { countCodePoints } from "@/lib/text/code-points";
import { MSG_TEMPLATE_MAX } from "@/lib/validations/push-labels";

// How a phone and the carrier see an SMS: 【签名】 comes first and counts, 70 characters fit one
// message, and a longer one is split into 67-character segments (the rest carries the joining header).

export const SMS_SINGLE_MAX = 70;
export const SMS_SEGMENT_SIZE = 67;

/** The text as it arrives: 【签名】 then the template. */
export function smsText(signature: string | undefined, template: string): string {
  return signature ? `【${signature}】${template}` : template;
}

/** Billed messages for a text of `length` characters (code points); nothing to send is zero. */
export function smsSegments(length: number): number {
  if (length <= 0) return 0;
  return length <= SMS_SINGLE_MAX ? 1 : Math.ceil(length / SMS_SEGMENT_SIZE);
}

/**
 * `fits`: the template is within the vendor's 70 characters. A template that does not fit cannot be
 * sent at all, so it has no length on the phone and bills nothing: only its error speaks of it.
 */
export type SmsMeasure = { text: string; length: number; segments: number; fits: boolean };

export function measureSms(signature: string | undefined, template: string): SmsMeasure {
  const trimmed = template.trim();
  const text = smsText(signature, trimmed);
  const fits = countCodePoints(trimmed) <= MSG_TEMPLATE_MAX;
  const length = trimmed === "" || !fits ? 0 : countCodePoints(text);
  return { text, length, segments: smsSegments(length), fits };
}
