import { countCodePoints } from "@/lib/text/code-points";

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

export type SmsMeasure = { text: string; length: number; segments: number };

export function measureSms(signature: string | undefined, template: string): SmsMeasure {
  const text = smsText(signature, template.trim());
  const length = template.trim() === "" ? 0 : countCodePoints(text);
  return { text, length, segments: smsSegments(length) };
}
