// Where sign-in sends a person afterwards. One rule for the server (the sign-in page, the page
// guards) and the browser (the sign-in form), so the browser can never go where the server would not.

/** Resolves relative values; never a real address, and only the path part is ever returned. */
const BASE = "http://console.invalid";
// Browsers drop tabs and newlines from URLs and read "\" as "/": "/\t/evil.example" is //evil.example.
const unsafe = (value: string) => [...value].some((c) => c <= "\u001f" || c === "\u007f" || c === "\\");

/**
 * `value` as a path of this console (path, query and fragment), or "/". Honoured only when it
 * resolves to this console's own origin, has no control characters or backslashes, and does not
 * come out as "//host" (which a browser reads as another site).
 */
export function safeNext(value: string | null | undefined): string {
  if (!value || unsafe(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE || url.pathname.startsWith("//")) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
