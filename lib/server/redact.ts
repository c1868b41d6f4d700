import "server-only";

// Vendor text (an error message, a whole answer) may echo what it was sent, credentials included.
// Everything the vendor says passes through here on its way in, before it can reach an answer,
// a log line or the database.

export const REDACTED = "***";

/** The ways a credential can appear in a vendor's text: as is, JSON-escaped (also with "\/"), URL-encoded. */
function spellings(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  return [secret, json, json.replaceAll("/", "\\/"), encodeURIComponent(secret)];
}

/** `text` with every spelling of every (non-empty) secret replaced by ***. */
export function redactText(text: string, secrets: ReadonlyArray<string | undefined>): string {
  const all = [...new Set(secrets.filter((s): s is string => !!s).flatMap(spellings))];
  // Longest first, so a secret that contains another is replaced whole.
  all.sort((a, b) => b.length - a.length);
  let out = text;
  for (const spelling of all) out = out.replaceAll(spelling, REDACTED);
  return out;
}

/** Every string value in a parsed JSON value redacted; keys, numbers and structure untouched. */
export function redactJson(value: unknown, secrets: ReadonlyArray<string | undefined>): unknown {
  if (typeof value === "string") return redactText(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactJson(item, secrets));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactJson(v, secrets)]));
  }
  return value;
}

/**
 * A vendor answer as it enters: the raw text redacted, and, when it is JSON, the parsed value with every
 * string redacted (parsing first also catches a credential the vendor escaped as \uXXXX, and never
 * breaks the JSON where a credential happened to equal a number or a key).
 */
export function redactAnswer(raw: string, secrets: ReadonlyArray<string | undefined>): { text: string; json: unknown } {
  let json: unknown;
  try {
    json = redactJson(JSON.parse(raw), secrets);
  } catch {
    json = undefined;
  }
  return { text: redactText(raw, secrets), json };
}
